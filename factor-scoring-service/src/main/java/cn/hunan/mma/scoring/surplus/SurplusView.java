package cn.hunan.mma.scoring.surplus;

import java.math.BigDecimal;
import java.util.List;

/**
 * One alliance's projected period outcome, as published on {@value SurplusProjection#TOPIC} and returned
 * by {@code GET /api/v1/surplus/{allianceId}/{period}}. Money is in fen; shares and scores are decimals.
 * It holds the inputs next to the results so a finance officer can redo the arithmetic by hand.
 *
 * @param outcome             SURPLUS (A ≤ P) or OVERSPEND
 * @param retainedShare       the score tier's retained share (surplus only)
 * @param overspendBands      how an overspend falls into the bands and who bears each part
 * @param memberPoolFen       retained − reserve − tertiary pool: what the members share
 * @param weightSum           Σ B × F over the members sharing in proportion
 * @param scoresComplete      false when a member or the alliance had no published score yet (counted as 0)
 */
public record SurplusView(String allianceId, String period, String rulesVersion, long budgetFen,
                          String budgetParameterVersion, long spendToDateFen, long spendInAreaFen,
                          long spendOutOfAreaFen, String outcome, long surplusFen, long overspendFen,
                          BigDecimal allianceScore, BigDecimal retainedShare, boolean capped, long retainedFen,
                          long reserveFen, long tertiaryPoolFen, long memberPoolFen,
                          List<Band> overspendBands, long allianceBorneFen, long fundBorneFen,
                          boolean floorsApplied, long proportionalPoolFen, BigDecimal weightSum,
                          boolean scoresComplete, List<MemberShare> members) {

    /** @param upToShareOfPackage null for the open band above the last edge */
    public record Band(BigDecimal upToShareOfPackage, long amountFen, BigDecimal allianceShare, long allianceBorneFen,
                       long fundBorneFen) {
    }

    /**
     * @param compositeScore F_j (0 when none was published yet: {@code scorePublished} false)
     * @param floorFen       the primary-level floor this member is guaranteed (0 when none applies)
     * @param floorApplied   true when its proportional share fell below the floor, so it gets the floor
     * @param projectedFen   its projected share of the member pool
     * @param explanation    the arithmetic in words and numbers
     */
    public record MemberShare(String institutionId, String level, boolean primaryLevel, BigDecimal base,
                              BigDecimal compositeScore, boolean scorePublished, BigDecimal weight, long floorFen,
                              boolean floorApplied, long projectedFen, String explanation) {
    }
}
