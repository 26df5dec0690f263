package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.EventId;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a consumer of {@code mma.insurance.case-settlements} keeping totals holds after reading records in order, as
 * the contract tells it to ({@code CaseSettled.supersedes}): it reads each event id once (the relay may send one twice),
 * drops the settlements a record supersedes and remembers them — one may reach it later, and is not counted then — and
 * keeps the latest settlement per discharge.
 */
final class SupersedesFold {

    private SupersedesFold() {
    }

    /** The settlements standing for the consumer, by discharge. */
    static Map<EventId, CaseSettled> standing(List<CaseSettled> records) {
        Map<EventId, CaseSettled> standing = new LinkedHashMap<>();
        Set<EventId> retired = new HashSet<>();
        Set<EventId> read = new HashSet<>();
        for (CaseSettled record : records) {
            if (!read.add(record.eventId())) {
                continue;
            }
            List<EventId> supersedes = record.supersedes() == null ? List.of() : record.supersedes();
            supersedes.forEach(standing::remove);
            retired.addAll(supersedes);
            if (!retired.contains(record.dischargeEventId())) {
                standing.put(record.dischargeEventId(), record);
            }
        }
        return standing;
    }

    /** A record announced before the batch under test (only its discharge and what it supersedes matter to the fold). */
    static CaseSettled announced(UUID discharge, UUID... supersedes) {
        return announced(discharge, Stream.of(supersedes).map(EventId::of).toList());
    }

    static CaseSettled announced(UUID discharge, List<EventId> supersedes) {
        CaseSettled golden = GoldenFixtures.record(CaseSettled.class);
        return new CaseSettled(EventId.random(), golden.occurredAt(), EventId.of(discharge), golden.institutionId(), golden.method(),
                golden.groupCode(), golden.standardPayment(), golden.actualCost(), golden.fundPayable(), golden.outlierKind(),
                golden.ruleVersion(), supersedes);
    }
}
