package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hospital matrix as the topology sees it: the global stores of the compacted institution and
 * alliance topics (every instance holds all of them; Kafka Streams loads global stores completely
 * before processing starts, so events never meet an empty matrix after a restart).
 */
final class MatrixView {

    private final KeyValueStore<String, ValueAndTimestamp<InstitutionSnapshot>> institutions;
    private final KeyValueStore<String, ValueAndTimestamp<AllianceSnapshot>> alliances;

    MatrixView(KeyValueStore<String, ValueAndTimestamp<InstitutionSnapshot>> institutions,
               KeyValueStore<String, ValueAndTimestamp<AllianceSnapshot>> alliances) {
        this.institutions = institutions;
        this.alliances = alliances;
    }

    Optional<InstitutionSnapshot> institution(InstitutionId id) {
        ValueAndTimestamp<InstitutionSnapshot> found = institutions.get(id.value());
        return Optional.ofNullable(found).map(ValueAndTimestamp::value);
    }

    /** Alliances listing the institution in {@code memberIds}: the alliance record is the authority on membership. */
    List<AllianceSnapshot> alliancesWithMember(InstitutionId id) {
        return alliancesWhere(alliance -> alliance.memberIds().contains(id));
    }

    /** Alliances whose covered divisions contain the residence (a covered county contains its townships and villages). */
    List<AllianceSnapshot> alliancesCovering(DivisionCode residence) {
        return alliancesWhere(alliance -> covers(alliance, residence));
    }

    static boolean covers(AllianceSnapshot alliance, DivisionCode division) {
        return alliance.coveredDivisions().stream().anyMatch(division::isWithin);
    }

    private List<AllianceSnapshot> alliancesWhere(java.util.function.Predicate<AllianceSnapshot> test) {
        List<AllianceSnapshot> found = new ArrayList<>();
        // In-memory store of a few hundred alliances at province scale: a scan per event is cheap.
        try (KeyValueIterator<String, ValueAndTimestamp<AllianceSnapshot>> all = alliances.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<AllianceSnapshot>> next = all.next();
                if (next.value != null && test.test(next.value.value())) {
                    found.add(next.value.value());
                }
            }
        }
        return found;
    }
}
