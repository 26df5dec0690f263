package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper on its own, as a restarted task finds it: totals restored, no delta processed since. A restatement of an
 * alliance whose totals the task holds is kept at the next look; one of an alliance held elsewhere is left to its owner.
 */
class AllianceMakeupKeeperTest {

    private static final InstitutionId HOSPITAL = InstitutionId.of("430421H0905");
    private static final InstitutionId CLINIC = InstitutionId.of("430421V100905");
    private static final InstitutionId XIANGXIANG_HOSPITAL = InstitutionId.of("430381H0902");

    private final MockProcessorContext<String, AllianceSnapshot> context = new MockProcessorContext<>();
    private final AtomicLong matrixChanges = new AtomicLong();

    @Test
    void after_a_restart_a_restatement_of_an_alliance_whose_totals_are_held_here_is_kept_before_it_counts_again() {
        ContractCodec codec = ContractCodec.standard();
        KeyValueStore<String, MonthTotals> totals = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.TOTALS_STORE), Serdes.String(), new MonthTotalsSerde()));
        KeyValueStore<String, AllianceSnapshot> stated = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.ALLIANCES_STORE), Serdes.String(), Topics.ALLIANCES.valueSerde(codec)));
        KeyValueStore<String, AllianceSnapshot> kept = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE), Serdes.String(), Topics.ALLIANCES.valueSerde(codec)));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringTopology.INSTITUTIONS_STORE),
                Serdes.String(), Topics.INSTITUTIONS.valueSerde(codec)));
        MonthTotals oneVisit = new MonthTotals(Map.of("visits", 1L), List.of(), List.of());
        totals.put("ALLIANCE:CC-430421|2025-07", oneVisit);
        totals.put("INSTITUTION:430421V100905|2025-07", oneVisit);
        AllianceSnapshot hengyang = community("CC-430421", "2025-01-01T00:00:00Z", HOSPITAL, CLINIC);
        stated.put("CC-430421", hengyang);
        kept.put("CC-430421", hengyang);
        new AllianceMakeupKeeper(matrixChanges).init(context);

        stated.put("CC-430421", community("CC-430421", "2025-07-31T16:00:00Z", HOSPITAL));
        stated.put("CC-430381", community("CC-430381", "2025-07-31T16:00:00Z", XIANGXIANG_HOSPITAL));   // its totals are elsewhere
        matrixChanges.addAndGet(2);
        look();

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("CC-430421");
            assertThat(forward.record().value().memberIds()).containsExactly(HOSPITAL);
        });
        context.resetForwards();
        look();   // the matrix did not change since
        assertThat(context.forwarded()).isEmpty();
    }

    /** The keeper's scheduled restatement check. */
    private void look() {
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(0));
    }

    private static AllianceSnapshot community(String id, String at, InstitutionId lead, InstitutionId... others) {
        List<InstitutionId> members = new java.util.ArrayList<>(List.of(lead));
        members.addAll(List.of(others));
        return new AllianceSnapshot(ScoringWorld.newId(), Instant.parse(at), AllianceId.of(id), "医共体 " + id, AllianceKind.COUNTY_COMMUNITY,
                lead, members, List.of(DivisionCode.of(id.substring(3))), List.of());
    }

    private <S extends StateStore> S store(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
