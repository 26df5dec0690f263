package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.InstitutionId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who the Xiangtan close request ({@link PeriodCloseApiTest#closeBody}) pays: the members and tertiary partners of the
 * golden 湘潭县 alliance. A test alliance closed with that request states them too, since a close pays only those who
 * belonged to the alliance.
 */
final class XiangtanRequest {

    private static final AllianceSnapshot GOLDEN = GoldenFixtures.record(AllianceSnapshot.class);

    static final List<InstitutionId> PARTNERS = GOLDEN.collaboratingTertiaryIds();

    private XiangtanRequest() {
    }

    /** The test's own members (its lead first) and the request's. */
    static List<InstitutionId> members(InstitutionId... own) {
        Set<InstitutionId> members = new LinkedHashSet<>(List.of(own));
        members.addAll(GOLDEN.memberIds());
        return List.copyOf(members);
    }
}
