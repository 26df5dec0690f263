package cn.hunan.mma.events.records;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.insurance.MemberShare;
import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.insurance.SettlementOutcome;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.scoring.FactorScore;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts a record refuses to state, whoever builds it (codec or service code). */
class RecordInvariantsTest {

    private static final Instant AT = Instant.parse("2026-01-20T02:00:00Z");

    @Test
    void names_the_missing_field() {
        InstitutionSnapshot golden = GoldenFixtures.record(InstitutionSnapshot.class);

        assertThatThrownBy(() -> new InstitutionSnapshot(golden.eventId(), golden.occurredAt(), golden.institutionId(),
                golden.name(), golden.level(), null, golden.divisionCode(), null, null, golden.allianceIds(), true))
                .isInstanceOfSatisfying(ContractViolation.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
                    assertThat(e.field()).isEqualTo("kind");
                });
    }

    @Test
    void keeps_its_own_copy_of_lists() {
        InstitutionSnapshot golden = GoldenFixtures.record(InstitutionSnapshot.class);
        List<AllianceId> alliances = new ArrayList<>(golden.allianceIds());

        InstitutionSnapshot snapshot = new InstitutionSnapshot(golden.eventId(), golden.occurredAt(), golden.institutionId(),
                golden.name(), golden.level(), golden.kind(), golden.divisionCode(), null, null, alliances, true);
        alliances.add(AllianceId.of("ANOTHER"));

        assertThat(snapshot.allianceIds()).containsExactlyElementsOf(golden.allianceIds());
        assertThatThrownBy(() -> snapshot.allianceIds().add(AllianceId.of("X"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_overspend_close_is_consistent_with_the_domain_worked_example() {
        // Package ¥488.75m, actual ¥520m: the alliance bears ¥14.54375m of the ¥31.25m overspend.
        PeriodSettlementClosed close = overspendClose(Money.ofYuan("14543750.00"), Money.ofYuan("16706250.00"));

        assertThat(close.outcome()).isEqualTo(SettlementOutcome.OVERSPEND);
        assertThat(close.distributedPool()).isEqualTo(Money.ZERO);
    }

    @Test
    void refuses_an_overspend_whose_shares_do_not_add_up_to_the_overspend() {
        assertThatThrownBy(() -> overspendClose(Money.ofYuan("14543750.00"), Money.ofYuan("16706249.99")))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("allianceBorneOverspend"));
    }

    @Test
    void refuses_a_surplus_distribution_that_misses_a_fen() {
        PeriodSettlementClosed golden = GoldenFixtures.record(PeriodSettlementClosed.class);
        List<MemberShare> shares = new ArrayList<>(golden.memberShares());
        MemberShare first = shares.get(0);
        shares.set(0, new MemberShare(first.institutionId(), first.base(), first.score(), first.amount().minus(Money.ofFen(1))));

        assertThatThrownBy(() -> new PeriodSettlementClosed(golden.eventId(), golden.occurredAt(), golden.allianceId(),
                golden.period(), golden.packageTotal(), golden.actualSpend(), golden.outcome(), golden.retainedSurplus(),
                golden.reserve(), golden.allianceBorneOverspend(), golden.fundBorneOverspend(), shares,
                golden.snapshotId(), golden.ruleVersion(), golden.revision()))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("memberShares"));
    }

    @Test
    void a_factor_score_needs_each_of_the_nine_factors_exactly_once() {
        FactorScoreComputed golden = GoldenFixtures.record(FactorScoreComputed.class);
        List<FactorScore> twicePrevention = new ArrayList<>(golden.factorScores());
        twicePrevention.set(8, new FactorScore(Factor.PREVENTION, new BigDecimal("80.00")));

        assertThatThrownBy(() -> new FactorScoreComputed(golden.eventId(), golden.occurredAt(), golden.entityKind(),
                golden.entityId(), golden.period(), golden.ruleVersion(), golden.composite(), twicePrevention))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("factorScores"));
        assertThat(golden.scoreOf(Factor.CONDUCT)).isEqualByComparingTo("95.00");
    }

    @Test
    void scores_are_padded_to_two_decimals_but_never_rounded() {
        assertThat(new FactorScore(Factor.SUPPORT, new BigDecimal("87.5")).score()).hasScaleOf(2).isEqualByComparingTo("87.50");
        assertThatThrownBy(() -> new FactorScore(Factor.SUPPORT, new BigDecimal("87.505"))).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> new FactorScore(Factor.SUPPORT, new BigDecimal("100.01"))).isInstanceOf(ContractViolation.class);
    }

    @Test
    void a_referral_goes_to_another_institution() {
        ReferralRequested golden = GoldenFixtures.record(ReferralRequested.class);
        ReferralParty sameInstitution = new ReferralParty(golden.sender().institutionId(), golden.receiver().departmentId());

        assertThatThrownBy(() -> new ReferralRequested(golden.eventId(), golden.occurredAt(), golden.referralId(),
                golden.episodeId(), golden.sender(), sameInstitution, golden.patient(), golden.diagnosis(), golden.reason(),
                golden.criteriaMet(), golden.direction(), golden.urgency(), false, golden.attachmentRefs()))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("receiver"));
    }

    @Test
    void a_referral_without_criteria_must_carry_the_criteria_missing_flag() {
        ReferralRequested golden = GoldenFixtures.record(ReferralRequested.class);

        assertThatThrownBy(() -> new ReferralRequested(golden.eventId(), golden.occurredAt(), golden.referralId(),
                golden.episodeId(), golden.sender(), golden.receiver(), golden.patient(), golden.diagnosis(), golden.reason(),
                java.util.List.of(), golden.direction(), golden.urgency(), false, golden.attachmentRefs()))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.field()).isEqualTo("criteriaMet"));
        ReferralRequested flagged = new ReferralRequested(golden.eventId(), golden.occurredAt(), golden.referralId(),
                golden.episodeId(), golden.sender(), golden.receiver(), golden.patient(), golden.diagnosis(), golden.reason(),
                java.util.List.of(), golden.direction(), golden.urgency(), false, golden.attachmentRefs(), true);
        assertThat(flagged.criteriaMet()).isEmpty();
        assertThat(golden.criteriaMissing()).as("absent in a payload that predates the flag").isNull();
    }

    @Test
    void payers_cannot_pay_more_than_the_bill() {
        assertThat(new Charges(Money.ofYuan("86.50"), Money.ofYuan("45.20"), Money.ofYuan("41.30")).total())
                .isEqualTo(Money.ofYuan("86.50"));
        assertThatThrownBy(() -> new Charges(Money.ofYuan("86.50"), Money.ofYuan("45.20"), Money.ofYuan("41.31")))
                .isInstanceOf(ContractViolation.class);
    }

    private static PeriodSettlementClosed overspendClose(Money allianceBorne, Money fundBorne) {
        return new PeriodSettlementClosed(EventId.random(), AT, AllianceId.of("XTX-YGT-01"), Period.ofYear(2025),
                Money.ofYuan("488750000.00"), Money.ofYuan("520000000.00"), SettlementOutcome.OVERSPEND,
                Money.ZERO, Money.ZERO, allianceBorne, fundBorne, List.of(), "SNAP-2025-XTX-0002", "xiangtan-settlement-2025.1", 1);
    }
}
