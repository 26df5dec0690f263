package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.AllianceKind;

import java.util.List;

/**
 * An alliance of the matrix.
 *
 * @param coveredDivisions the divisions whose residents it covers (county, district, grid streets,
 *                         or for a specialty alliance the prefectures it spans)
 * @param specialty        the service line of a specialty alliance; null for close-knit alliances
 */
public record Alliance(String id, String name, AllianceKind kind, String leadId, List<String> memberIds,
                       List<String> coveredDivisions, List<String> collaboratingTertiaryIds, ServiceLine specialty) {

    public Alliance {
        memberIds = List.copyOf(memberIds);
        coveredDivisions = List.copyOf(coveredDivisions);
        collaboratingTertiaryIds = List.copyOf(collaboratingTertiaryIds);
        if (!memberIds.contains(leadId)) {
            throw new IllegalArgumentException("the lead of " + id + " must be a member");
        }
    }

    public boolean closeKnit() {
        return kind != AllianceKind.SPECIALTY_ALLIANCE;
    }
}
