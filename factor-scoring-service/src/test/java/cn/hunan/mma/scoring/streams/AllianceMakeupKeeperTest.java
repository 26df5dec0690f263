package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper on its own, as a restarted or moved task finds it: totals restored, no delta processed since. A restatement
 * of an alliance whose totals the task holds is kept at the next look; one of an alliance held elsewhere is left to its
 * owner; a make-up not stated after the kept one is not written over it.
 */
class AllianceMakeupKeeperTest {

    private static final InstitutionId HOSPITAL = InstitutionId.of("430421H0905");
    private static final InstitutionId CLINIC = InstitutionId.of("430421V100905");
    private static final InstitutionId VILLAGE_CLINIC = InstitutionId.of("430421V100906");
    private static final InstitutionId XIANGXIANG_HOSPITAL = InstitutionId.of("430381H0902");

    private static final String ALLIANCE = "CC-430421";

    private final MockProcessorContext<String, AllianceSnapshot> context = new MockProcessorContext<>();
    private final AtomicLong matrixChanges = new AtomicLong();
    private KeyValueStore<String, MonthTotals> totals;
    /** The global matrix store: the alliances as the matrix states them now. */
    private KeyValueStore<String, AllianceSnapshot> stated;
    /** The global make-ups store, as read back from the topic the keeper writes. */
    private KeyValueStore<String, AllianceSnapshot> kept;

    @BeforeEach
    void restoredStores() {
        ContractCodec codec = ContractCodec.standard();
        totals = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.TOTALS_STORE), Serdes.String(), new MonthTotalsSerde()));
        stated = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.ALLIANCES_STORE), Serdes.String(), Topics.ALLIANCES.valueSerde(codec)));
        kept = store(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE), Serdes.String(), Topics.ALLIANCES.valueSerde(codec)));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringTopology.INSTITUTIONS_STORE),
                Serdes.String(), Topics.INSTITUTIONS.valueSerde(codec)));
        MonthTotals oneVisit = new MonthTotals(Map.of("visits", 1L), List.of(), List.of());
        totals.put("ALLIANCE:" + ALLIANCE + "|2025-07", oneVisit);
        totals.put("INSTITUTION:430421V100905|2025-07", oneVisit);
    }

    @Test
    void after_a_restart_a_restatement_of_an_alliance_whose_totals_are_held_here_is_kept_before_it_counts_again() {
        AllianceSnapshot hengyang = community(ALLIANCE, "2025-01-01T00:00:00Z", HOSPITAL, CLINIC);
        stated.put(ALLIANCE, hengyang);
        kept.put(ALLIANCE, hengyang);
        new AllianceMakeupKeeper(matrixChanges).init(context);

        stated.put(ALLIANCE, community(ALLIANCE, "2025-07-31T16:00:00Z", HOSPITAL));
        stated.put("CC-430381", community("CC-430381", "2025-07-31T16:00:00Z", XIANGXIANG_HOSPITAL));   // its totals are elsewhere
        matrixChanges.addAndGet(2);
        look();

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo(ALLIANCE);
            assertThat(forward.record().value().memberIds()).containsExactly(HOSPITAL);
        });
        context.resetForwards();
        look();   // the matrix did not change since
        assertThat(context.forwarded()).isEmpty();
    }

    /**
     * The task has moved to an instance whose make-ups store already holds the newer make-up (the clinic gone) while its
     * matrix store still states the older one: the older one is not written over it, at a look nor when the totals
     * move. Written, it would stay kept if the newer make-up and the dissolution then reached the matrix store in one
     * poll, and the clinic that left would read the dissolved alliance again.
     */
    @Test
    void a_task_whose_matrix_is_behind_the_kept_makeup_does_not_write_the_older_makeup_over_it() {
        AllianceSnapshot withTheClinic = community(ALLIANCE, "2025-06-30T16:00:00Z", HOSPITAL, CLINIC);
        AllianceSnapshot withoutTheClinic = community(ALLIANCE, "2025-07-31T16:00:00Z", HOSPITAL);
        stated.put(ALLIANCE, withTheClinic);
        kept.put(ALLIANCE, withoutTheClinic);
        AllianceMakeupKeeper keeper = new AllianceMakeupKeeper(matrixChanges);
        keeper.init(context);

        look();
        keeper.process(totalsMoved());
        assertThat(context.forwarded()).isEmpty();

        AllianceSnapshot withAVillageClinicMore = community(ALLIANCE, "2025-08-31T16:00:00Z", HOSPITAL, VILLAGE_CLINIC);
        stated.put(ALLIANCE, withAVillageClinicMore);
        matrixChanges.incrementAndGet();
        look();
        assertThat(context.forwarded()).singleElement()
                .satisfies(forward -> assertThat(forward.record().value()).isEqualTo(withAVillageClinicMore));
    }

    @Test
    void a_makeup_stated_at_the_same_time_as_the_kept_one_leaves_the_kept_one() {
        kept.put(ALLIANCE, community(ALLIANCE, "2025-07-31T16:00:00Z", HOSPITAL));
        stated.put(ALLIANCE, community(ALLIANCE, "2025-07-31T16:00:00Z", HOSPITAL, CLINIC));
        new AllianceMakeupKeeper(matrixChanges).init(context);

        look();

        assertThat(context.forwarded()).isEmpty();
    }

    /**
     * Pins a known limit (README "Dissolved alliances"): a restatement made while no task looked — here the scorer was
     * down while the clinic left and the alliance was dissolved — is lost. The restored matrix store already states the
     * dissolution at the first look, which writes nothing, so the dissolved alliance is read by the make-up kept before
     * the restatement, the clinic that left still a member. A fix (the dissolution carrying its last live make-up, a
     * contract change; or reading the restatements themselves) must change this test knowingly.
     */
    @Test
    void a_restatement_made_while_the_scorer_was_down_is_lost_when_the_restart_finds_the_alliance_dissolved() {
        AllianceSnapshot withTheClinic = community(ALLIANCE, "2025-01-01T00:00:00Z", HOSPITAL, CLINIC);
        AllianceSnapshot withoutTheClinic = community(ALLIANCE, "2025-07-31T16:00:00Z", HOSPITAL, VILLAGE_CLINIC);
        kept.put(ALLIANCE, withTheClinic);
        stated.put(ALLIANCE, AllianceDissolution.of(withoutTheClinic, ScoringWorld.newId(), Instant.parse("2025-08-31T16:00:00Z")));
        AllianceMakeupKeeper keeper = new AllianceMakeupKeeper(matrixChanges);
        keeper.init(context);

        look();
        keeper.process(totalsMoved());

        assertThat(context.forwarded()).isEmpty();
        assertThat(AllianceLifetime.of(stated.get(ALLIANCE), kept.get(ALLIANCE)))
                .hasValueSatisfying(alliance -> assertThat(alliance.makeup().memberIds()).containsExactly(HOSPITAL, CLINIC));
    }

    /** A late count of the alliance's July reaching the totals: the keeper's other look at the matrix. */
    private static Record<String, ScopeDelta> totalsMoved() {
        ScopeDelta delta = new ScopeDelta("ALLIANCE:" + ALLIANCE, "2025-07", Map.of("visits", 1L), List.of(), 0L);
        return new Record<>(TotalsKeys.of(delta.scope(), delta.month()), delta, 0L);
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
