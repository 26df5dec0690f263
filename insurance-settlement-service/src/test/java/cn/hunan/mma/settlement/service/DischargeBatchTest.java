package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A batch settled in memory behaves as one-at-a-time settling: duplicates once, the episode's
 * deductible once across stays (stored or in the batch), a correction supersedes and re-settles,
 * and a discharge that cannot be settled is refused alone. Seed rules: BR25 0.781 × ¥10,000 ×
 * county 0.9 = ¥7,029.00; county deductible ¥600.
 */
class DischargeBatchTest {

    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final ParameterVersion SEED = new ParameterVersion("430000/2000-01-01",
            SettlementJson.readParameters(SeedParameters.json()));
    private static final String COUNTY_HOSPITAL = GOLDEN.institutionId().value();
    private static final String TOWNSHIP_HOSPITAL = "430321T0102";
    private static final String CITY_HOSPITAL = "430302H0001";

    private final CaseSettlers settlers = new CaseSettlers();

    @Test
    void a_discharge_already_stored_or_repeated_in_the_batch_is_settled_once() {
        InpatientDischarged stored = discharge(null, null, "12860.35");
        InpatientDischarged fresh = discharge(null, null, "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(stored, fresh, fresh), Set.of(stored.eventId().asUuid()), List.of());

        assertThat(outcome.settled()).singleElement().satisfies(settled -> {
            assertThat(settled.discharge()).isEqualTo(fresh);
            assertThat(settled.event().standardPayment()).isEqualTo(Money.ofYuan("7029.00"));
            assertThat(settled.event().fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
        });
        assertThat(outcome.refused()).isEmpty();
    }

    @Test
    void the_deductible_is_paid_once_per_episode_across_stored_stays_and_stays_of_the_same_batch() {
        EpisodeId storedEpisode = EpisodeId.of("EP-STORED");
        EpisodeId batchEpisode = EpisodeId.of("EP-BATCH");
        InpatientDischarged afterStored = discharge(storedEpisode, null, "12860.35");
        InpatientDischarged firstInBatch = discharge(batchEpisode, null, "12860.35");
        InpatientDischarged secondInBatch = discharge(batchEpisode, null, "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(afterStored, firstInBatch, secondInBatch), Set.of(),
                List.of(stored(UUID.randomUUID(), storedEpisode, COUNTY_HOSPITAL, 60_000)));

        assertThat(outcome.settled()).extracting(settled -> settled.event().fundPayable())
                .containsExactly(Money.ofYuan("7029.00"), Money.ofYuan("6429.00"), Money.ofYuan("7029.00"));
    }

    @Test
    void a_correction_supersedes_the_stay_it_corrects_whose_deductible_then_no_longer_counts() {
        EpisodeId episode = EpisodeId.of("EP-CORRECTED");
        UUID original = UUID.randomUUID();
        InpatientDischarged correction = discharge(episode, EventId.of(original), "30000.00");

        DischargeBatch.Outcome outcome = settle(List.of(correction), Set.of(),
                List.of(stored(original, episode, COUNTY_HOSPITAL, 60_000)));

        assertThat(outcome.superseded()).containsExactly(original);
        // ¥30,000 > 3 × ¥7,029: 7,029 × (30,000/7,029 − 3 + 1) = ¥15,942.00, less the county ¥600 owed again.
        assertThat(outcome.settled()).singleElement().satisfies(settled -> {
            assertThat(settled.event().outlierKind()).isEqualTo(OutlierKind.HIGH_COST);
            assertThat(settled.event().fundPayable()).isEqualTo(Money.ofYuan("15342.00"));
        });
    }

    /**
     * County stay A (¥600 deductible) then city stay B (its ¥900 less A's ¥600 = ¥300), both stored. A correction of A
     * takes A's place: it owes ¥600 as A did (¥7,029.00 − ¥600), not ¥600 less B's ¥300 — B's share was already
     * reduced by A's. A correction of B owes what B did: ¥300 (BR25 at the city, 0.781 × ¥10,000 × 1.00 = ¥7,810.00,
     * less ¥300).
     */
    @Test
    void a_correction_owes_the_deductible_the_stay_it_corrects_owed() {
        EpisodeId episode = EpisodeId.of("EP-REPLACED");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<DischargeBatch.StoredStay> stays = List.of(stored(first, episode, COUNTY_HOSPITAL, 60_000),
                stored(second, episode, CITY_HOSPITAL, 30_000));

        DischargeBatch.Outcome ofFirst = settle(List.of(discharge(episode, EventId.of(first), "12860.35")), Set.of(), stays);
        DischargeBatch.Outcome ofSecond = settle(List.of(withInstitution(discharge(episode, EventId.of(second), "12860.35"),
                CITY_HOSPITAL)), Set.of(), stays);

        assertOwes(ofFirst, "600.00", "6429.00");
        assertOwes(ofSecond, "300.00", "7510.00");
    }

    /**
     * The city stay B settled first (owing its ¥900), then the county stay A (owing nothing: ¥900 paid exceeds its
     * ¥600) — stays of one episode sit on different partitions and arrive in any order. A's correction owes nothing
     * either: ¥7,029.00 to the fund.
     */
    @Test
    void a_correction_of_a_stay_that_owed_nothing_owes_nothing() {
        EpisodeId episode = EpisodeId.of("EP-CITY-FIRST");
        UUID county = UUID.randomUUID();
        List<DischargeBatch.StoredStay> stays = List.of(stored(UUID.randomUUID(), episode, CITY_HOSPITAL, 90_000),
                stored(county, episode, COUNTY_HOSPITAL, 0));

        DischargeBatch.Outcome outcome = settle(List.of(discharge(episode, EventId.of(county), "12860.35")), Set.of(), stays);

        assertOwes(outcome, "0.00", "7029.00");
    }

    /**
     * A stay reported without an episode (it owed the county's ¥600 alone), corrected into episode X, whose city stay
     * owed ¥900: the correction joins X and owes what X's stays have not paid — nothing.
     */
    @Test
    void a_correction_that_joins_an_episode_owes_what_the_episode_has_not_paid() {
        EpisodeId episode = EpisodeId.of("EP-JOINED");
        UUID alone = UUID.randomUUID();
        List<DischargeBatch.StoredStay> stays = List.of(new DischargeBatch.StoredStay(alone, null, COUNTY_HOSPITAL, 60_000),
                stored(UUID.randomUUID(), episode, CITY_HOSPITAL, 90_000));

        DischargeBatch.Outcome outcome = settle(List.of(discharge(episode, EventId.of(alone), "12860.35")), Set.of(), stays);

        assertThat(outcome.settled()).singleElement()
                .satisfies(settled -> assertThat(settled.decision().deductibleDue()).isEqualTo(Money.ZERO));
        assertThat(outcome.superseded()).containsExactly(alone);
    }

    /**
     * A stay without an episode, settled when its hospital was a township centre (it owed ¥300), corrected after the
     * matrix re-graded the hospital to county level: the correction owes the county's ¥600 — nothing was paid before
     * it — not ¥600 less the ¥300 the township level left.
     */
    @Test
    void a_correction_after_its_hospital_was_regraded_owes_its_new_levels_deductible() {
        UUID atTownshipLevel = UUID.randomUUID();
        List<DischargeBatch.StoredStay> stays = List.of(new DischargeBatch.StoredStay(atTownshipLevel, null, COUNTY_HOSPITAL, 30_000));

        DischargeBatch.Outcome outcome = settle(List.of(discharge(null, EventId.of(atTownshipLevel), "12860.35")), Set.of(), stays);

        assertOwes(outcome, "600.00", "6429.00");
    }

    /** A discharge naming itself as the one it corrects is no correction (as for outpatient visits): it stands. */
    @Test
    void a_discharge_that_names_itself_as_corrected_is_settled_as_it_is() {
        InpatientDischarged plain = discharge(null, null, "12860.35");
        InpatientDischarged self = new InpatientDischarged(plain.eventId(), plain.occurredAt(), plain.institutionId(),
                plain.departmentId(), plain.patient(), plain.residenceDivision(), plain.insuredAreaDivision(),
                plain.principalDiagnosis(), plain.procedures(), plain.drgGroup(), plain.charges(), plain.dischargeMode(),
                plain.admissionDate(), plain.dischargeDate(), plain.lengthOfStayDays(), null, plain.eventId());

        DischargeBatch.Outcome outcome = settle(List.of(self), Set.of(), List.of());

        assertThat(outcome.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(self);
        assertThat(outcome.superseded()).isEmpty();
    }

    /** The same within one batch: A (¥600), B at the city (¥300), then A corrected — it owes ¥600, as A did. */
    @Test
    void a_correction_in_the_batch_of_the_stays_it_follows_takes_the_corrected_stays_place() {
        EpisodeId episode = EpisodeId.of("EP-BATCH-REPLACED");
        InpatientDischarged first = discharge(episode, null, "12860.35");
        InpatientDischarged second = withInstitution(discharge(episode, null, "12860.35"), CITY_HOSPITAL);
        InpatientDischarged correction = discharge(episode, first.eventId(), "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(first, second, correction), Set.of(), List.of());

        assertThat(outcome.settled()).extracting(settled -> settled.decision().deductibleDue())
                .containsExactly(Money.ofYuan("600.00"), Money.ofYuan("300.00"), Money.ofYuan("600.00"));
        assertThat(outcome.superseded()).containsExactly(first.eventId().asUuid());
    }

    /**
     * An original and its correction in one batch: both are written and the original superseded. An original after
     * its correction — in the batch, or once a stored correction names it — is not settled at all.
     */
    @Test
    void an_original_is_never_left_standing_beside_its_correction() {
        InpatientDischarged original = discharge(null, null, "12860.35");
        InpatientDischarged correction = discharge(null, original.eventId(), "30000.00");

        DischargeBatch.Outcome inOrder = settle(List.of(original, correction), Set.of(), List.of());
        DischargeBatch.Outcome correctionFirst = settle(List.of(correction, original), Set.of(), List.of());
        DischargeBatch.Outcome afterStoredCorrection = settle(List.of(original), Set.of(), Set.of(original.eventId().asUuid()),
                List.of(), Map.of());

        assertThat(inOrder.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(original, correction);
        assertThat(inOrder.superseded()).containsExactly(original.eventId().asUuid());
        assertThat(correctionFirst.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(correction);
        assertThat(correctionFirst.superseded()).containsExactly(original.eventId().asUuid());
        assertThat(afterStoredCorrection.settled()).isEmpty();
        assertThat(afterStoredCorrection.refused()).isEmpty();
    }

    /**
     * Stay A (county, ¥600) and the city stay B (¥300) of one episode, then A corrected twice, each correction naming
     * A. The second replaces the first — A is already replaced — so one version of A stands, and it owes ¥600 as A did:
     * counted as another stay of the episode, the first correction's ¥600 would have left it owing nothing.
     */
    @Test
    void a_second_correction_of_a_stay_replaces_the_first_correction() {
        EpisodeId episode = EpisodeId.of("EP-TWICE");
        InpatientDischarged first = discharge(episode, null, "12860.35");
        InpatientDischarged second = withInstitution(discharge(episode, null, "12860.35"), CITY_HOSPITAL);
        InpatientDischarged correction = discharge(episode, first.eventId(), "12860.35");
        InpatientDischarged again = discharge(episode, first.eventId(), "30000.00");

        DischargeBatch.Outcome outcome = settle(List.of(first, second, correction, again), Set.of(), List.of());

        assertThat(outcome.settled()).extracting(settled -> settled.decision().deductibleDue())
                .containsExactly(Money.ofYuan("600.00"), Money.ofYuan("300.00"), Money.ofYuan("600.00"), Money.ofYuan("600.00"));
        assertThat(outcome.superseded()).containsExactlyInAnyOrder(first.eventId().asUuid(), correction.eventId().asUuid());
    }

    /**
     * The same across batches: A and its first correction stored, the correction standing for A
     * ({@link DischargeBatch.Known#standingVersions}). A second correction naming A replaces the first correction and
     * owes what it owed (¥600: ¥15,942.00 − ¥600 = ¥15,342.00 for ¥30,000 of cost), not A, already replaced.
     */
    @Test
    void a_correction_naming_a_replaced_stay_replaces_its_standing_version() {
        EpisodeId episode = EpisodeId.of("EP-TWICE-STORED");
        UUID original = UUID.randomUUID();
        UUID firstCorrection = UUID.randomUUID();
        InpatientDischarged again = discharge(episode, EventId.of(original), "30000.00");

        DischargeBatch.Outcome outcome = settle(List.of(again), Set.of(), Set.of(),
                List.of(stored(firstCorrection, episode, COUNTY_HOSPITAL, 60_000), stored(UUID.randomUUID(), episode, CITY_HOSPITAL, 30_000)),
                Map.of(original, Set.of(firstCorrection)));

        assertThat(outcome.superseded()).containsExactly(firstCorrection);
        assertOwes(outcome, "600.00", "15342.00");
    }

    /**
     * Stay O stored (county, owed ¥600), then C2 correcting C1 — which had not arrived, so C2 stood beside O — then C1,
     * correcting O. C1 is stored as replaced (C2 replaced it), announces nothing, and replaces O: one version stands.
     * A correction C3 naming O in the same batch then replaces C2 — the chain O ← C1 ← C2 is whole — and owes the
     * stay's ¥600, which C2, counting O as another stay of the episode, had not.
     */
    @Test
    void a_version_arriving_after_the_correction_that_replaced_it_joins_its_stays_chain() {
        EpisodeId episode = EpisodeId.of("EP-LATE-MIDDLE");
        UUID original = UUID.randomUUID();
        UUID secondCorrection = UUID.randomUUID();
        InpatientDischarged firstCorrection = discharge(episode, EventId.of(original), "12860.35");
        InpatientDischarged third = discharge(episode, EventId.of(original), "12860.35");
        List<DischargeBatch.StoredStay> stays = List.of(stored(original, episode, COUNTY_HOSPITAL, 60_000),
                stored(secondCorrection, episode, COUNTY_HOSPITAL, 0));
        Map<UUID, Set<UUID>> standing = Map.of(original, Set.of(original), firstCorrection.eventId().asUuid(), Set.of(secondCorrection));
        Set<UUID> named = Set.of(firstCorrection.eventId().asUuid());

        DischargeBatch.Outcome late = settle(List.of(firstCorrection), Set.of(), named, stays, standing);
        DischargeBatch.Outcome thenAgain = settle(List.of(firstCorrection, third), Set.of(), named, stays, standing);

        assertThat(late.superseded()).containsExactlyInAnyOrder(original, firstCorrection.eventId().asUuid());
        assertThat(late.settled()).singleElement().satisfies(settled -> assertThat(settled.stands()).isFalse());
        assertThat(late.countIncrements()).isEmpty();
        // C2 stands and is announced again, replacing O (and C1): O no longer stands for a consumer either.
        assertThat(late.restated()).containsExactly(Map.entry(secondCorrection, inOrder(original, firstCorrection.eventId().asUuid())));
        assertThat(thenAgain.superseded()).containsExactlyInAnyOrder(original, firstCorrection.eventId().asUuid(), secondCorrection);
        assertThat(thenAgain.settled()).extracting(DischargeBatch.Settled::stands).containsExactly(false, true);
        assertThat(thenAgain.settled().get(1).decision().deductibleDue()).isEqualTo(Money.ofYuan("600.00"));
        // C3 stands at commit: it announces all three, and nothing stored is announced again.
        assertThat(thenAgain.settled().get(1).event().supersedes())
                .isEqualTo(inOrder(original, firstCorrection.eventId().asUuid(), secondCorrection));
        assertThat(thenAgain.restated()).isEmpty();
    }

    /**
     * Stored: P (county, owed ¥600) and C2, correcting L — not stored, so C2 stood beside P, owing nothing (it counted P
     * as another stay of the episode). One poll brings C5 correcting P, then L correcting P, then N, a city stay of the
     * episode. C5 replaces P; L, the version between P and C2, is stored replaced and replaces what it corrects — now C5.
     * So C5 never stands: it is not announced, not counted towards the review quota, and N does not count its ¥600 — N
     * owes the city's ¥900 (BR25 0.781 × ¥10,000 × 1.00 = ¥7,810.00, fund ¥6,910.00). C2 stands and is announced again
     * replacing C5, L and P: a consumer that held P and C2 holds C2 (and N), as the table does. Before, C5 was announced
     * replacing P, nothing retired C5, and the consumer held C5 beside C2: the stay paid twice.
     */
    @Test
    void a_correction_replaced_in_its_own_batch_by_a_late_version_is_not_announced_and_the_standing_version_retires_it() {
        EpisodeId episode = EpisodeId.of("EP-LATE-RETIRES");
        UUID p = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        InpatientDischarged c5 = discharge(episode, EventId.of(p), "12860.35");
        InpatientDischarged l = discharge(episode, EventId.of(p), "12860.35");
        InpatientDischarged n = withInstitution(discharge(episode, null, "12860.35"), CITY_HOSPITAL);
        UUID lId = l.eventId().asUuid();
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), Set.of(lId), Map.of(COUNTY_HOSPITAL, Level.COUNTY,
                CITY_HOSPITAL, Level.CITY), Set.of(), List.of(stored(p, episode, COUNTY_HOSPITAL, 60_000),
                stored(c2, episode, COUNTY_HOSPITAL, 0)), Map.of(p, Set.of(p), lId, Set.of(c2)), discharge -> Optional.of(SEED),
                new ReviewCounts(), Map.of(), Map.of(p, new StayChains.Stored(Set.of(p), p), lId, new StayChains.Stored(Set.of(lId), lId)));

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(c5, l, n), known, settlers, Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(outcome.settled()).extracting(settled -> settled.discharge().eventId(), DischargeBatch.Settled::stands)
                .containsExactly(tuple(c5.eventId(), false), tuple(l.eventId(), false), tuple(n.eventId(), true));
        assertThat(outcome.superseded()).containsExactlyInAnyOrder(p, c5.eventId().asUuid(), lId);
        assertThat(outcome.restated()).containsExactly(Map.entry(c2, inOrder(p, c5.eventId().asUuid(), lId)));
        assertThat(outcome.settled().get(2).decision().deductibleDue()).isEqualTo(Money.ofYuan("900.00"));
        assertThat(outcome.settled().get(2).event().fundPayable()).isEqualTo(Money.ofYuan("6910.00"));
        assertThat(outcome.countIncrements()).containsOnlyKeys(new ReviewCounts.Key("430000", GOLDEN.dischargeDate().getYear(), "DRG"));
        assertThat(outcome.countIncrements().values().iterator().next()).containsExactly(1L, 0L);
        List<CaseSettled> topic = new ArrayList<>(List.of(SupersedesFold.announced(p), SupersedesFold.announced(c2, lId)));
        topic.addAll(announcedBy(outcome));
        assertThat(SupersedesFold.standing(topic).keySet()).containsExactlyInAnyOrder(EventId.of(c2), n.eventId());
    }

    /**
     * O stored; one poll brings C1 correcting O, then C2 correcting C1. C1 is retired in its own batch: not announced, not
     * counted; C2 is announced replacing C1 and O. A consumer holds C2 alone, whichever order it reads the records in.
     */
    @Test
    void a_correction_replaced_by_another_correction_of_its_own_batch_is_not_announced() {
        UUID original = UUID.randomUUID();
        InpatientDischarged first = discharge(null, EventId.of(original), "12860.35");
        InpatientDischarged second = discharge(null, first.eventId(), "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(first, second), Set.of(), Set.of(), List.of(), Map.of(original, Set.of(original)));

        assertThat(outcome.settled()).extracting(DischargeBatch.Settled::stands).containsExactly(false, true);
        assertThat(outcome.settled().get(1).event().supersedes()).isEqualTo(inOrder(original, first.eventId().asUuid()));
        assertThat(outcome.restated()).isEmpty();
        assertThat(outcome.countIncrements().values()).singleElement().satisfies(added -> assertThat(added).containsExactly(1L, 0L));
        List<CaseSettled> topic = new ArrayList<>(List.of(SupersedesFold.announced(original)));
        topic.addAll(announcedBy(outcome));
        assertThat(SupersedesFold.standing(topic).keySet()).containsExactly(second.eventId());
    }

    /**
     * The same within one poll (two partitions' records, the later correction's first): C2, naming C1, comes before C1,
     * which corrects the stored original. C1 is stored as replaced and replaces the original, so only C2 stands. Before
     * 2026-11-25 (3) C1 was skipped as an original is, and the original stood beside C2: the stay paid twice.
     */
    @Test
    void a_version_after_the_correction_that_replaced_it_in_the_same_batch_joins_its_stays_chain() {
        EpisodeId episode = EpisodeId.of("EP-LATE-IN-BATCH");
        UUID original = UUID.randomUUID();
        InpatientDischarged firstCorrection = discharge(episode, EventId.of(original), "12860.35");
        InpatientDischarged secondCorrection = discharge(episode, firstCorrection.eventId(), "12860.35");
        List<DischargeBatch.StoredStay> stays = List.of(stored(original, episode, COUNTY_HOSPITAL, 60_000));

        DischargeBatch.Outcome outcome = settle(List.of(secondCorrection, firstCorrection), Set.of(), Set.of(), stays,
                Map.of(original, Set.of(original)));

        assertThat(outcome.settled()).extracting(settled -> settled.discharge().eventId(), DischargeBatch.Settled::stands)
                .containsExactly(tuple(secondCorrection.eventId(), true), tuple(firstCorrection.eventId(), false));
        assertThat(outcome.superseded()).containsExactlyInAnyOrder(original, firstCorrection.eventId().asUuid());
        assertThat(outcome.supersededAsRead()).containsExactly(original);
        // C2 announces that it replaces the original too: before, only C1 — and a consumer kept the original beside C2.
        assertThat(outcome.settled().get(0).event().supersedes()).isEqualTo(inOrder(original, firstCorrection.eventId().asUuid()));
    }

    /**
     * A stay corrected twice before 2026-11-25, both corrections standing: the first owed the county's ¥600, the second
     * nothing (it counted the first as another stay). A third correction replaces both and owes the stay's ¥600 —
     * whichever of the two ids sorts first — so the episode with its city stay (¥300) owes ¥900 again.
     */
    @Test
    void a_correction_of_a_stay_with_two_standing_versions_owes_the_stays_deductible() {
        EpisodeId episode = EpisodeId.of("EP-TWO-STANDING");
        UUID original = UUID.randomUUID();
        for (int order = 0; order < 2; order++) {
            UUID owedAll = new UUID(order, 1);
            UUID owedNothing = new UUID(1 - order, 2);
            List<DischargeBatch.StoredStay> stays = List.of(stored(owedAll, episode, COUNTY_HOSPITAL, 60_000),
                    stored(owedNothing, episode, COUNTY_HOSPITAL, 0), stored(UUID.randomUUID(), episode, CITY_HOSPITAL, 30_000));

            DischargeBatch.Outcome outcome = settle(List.of(discharge(episode, EventId.of(original), "12860.35")), Set.of(), Set.of(),
                    stays, Map.of(original, Set.of(owedAll, owedNothing)));

            assertThat(outcome.superseded()).containsExactlyInAnyOrder(owedAll, owedNothing);
            assertOwes(outcome, "600.00", "6429.00");
        }
    }

    @Test
    void an_unknown_institution_or_an_unpriced_group_is_refused_alone_and_the_rest_is_settled() {
        InpatientDischarged unknown = withInstitution(discharge(null, null, "12860.35"), "430321H9999");
        InpatientDischarged good = discharge(null, null, "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(unknown, good), Set.of(), List.of());

        assertThat(outcome.refused()).containsOnlyKeys(0);
        assertThat(outcome.refused().get(0)).hasMessageContaining("430321H9999");
        assertThat(outcome.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(good);
        assertThat(outcome.countIncrements()).containsOnlyKeys(new ReviewCounts.Key("430000", GOLDEN.dischargeDate().getYear(), "DRG"));
        assertThat(outcome.countIncrements().values().iterator().next()).containsExactly(1L, 0L);
    }

    /**
     * A fault settling one discharge (here its rules lookup throws) is that discharge's: refused with the fault as the
     * reason, recording nothing for it, while the batch's others are settled — not the whole poll dead-lettered.
     */
    @Test
    void an_unexpected_fault_settling_one_discharge_refuses_that_one_alone() {
        EpisodeId episode = EpisodeId.of("EP-FAULT");
        InpatientDischarged faulty = discharge(episode, null, "12860.35");
        InpatientDischarged good = discharge(episode, null, "12860.35");
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), Set.of(), Map.of(COUNTY_HOSPITAL, Level.COUNTY), Set.of(), List.of(), Map.of(),
                discharge -> {
                    if (discharge == faulty) {
                        throw new IllegalStateException("rules unreadable");
                    }
                    return Optional.of(SEED);
                }, new ReviewCounts(), Map.of());

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(faulty, good), known, settlers,
                Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(outcome.refused()).containsOnlyKeys(0);
        assertThat(outcome.refused().get(0)).hasMessageContaining("rules unreadable").hasCauseInstanceOf(IllegalStateException.class);
        // The faulty stay paid nothing into the episode: the good one owes the county's ¥600.
        assertThat(outcome.settled()).singleElement().satisfies(settled -> {
            assertThat(settled.discharge()).isEqualTo(good);
            assertThat(settled.event().fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
        });
    }

    /**
     * Each area's review cap (the seed's 5 % of DRG cases) counts the cases its own rules priced. The province's seed
     * area has sent 50 of 1,000 to review — its cap — so its ¥50,000 stay (over 5 × ¥7,029) is paid as a high-cost
     * case; a city whose own version priced 100 cases and sent none has room, and its like stay goes to review.
     * Counted over the province, the city's stay would have found no room either.
     */
    @Test
    void each_areas_review_cap_counts_the_cases_its_own_rules_priced() {
        ParameterVersion city = new ParameterVersion("430300/2000-01-01", SEED.parameters());
        InpatientDischarged underTheSeed = discharge(null, null, "50000.00");
        InpatientDischarged underTheCitysRules = discharge(null, null, "50000.00");
        int year = GOLDEN.dischargeDate().getYear();
        ReviewCounts counts = new ReviewCounts();
        counts.load(new ReviewCounts.Key("430000", year, "DRG"), 1_000, 50);
        counts.load(new ReviewCounts.Key("430300", year, "DRG"), 100, 0);
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), Set.of(), Map.of(COUNTY_HOSPITAL, Level.COUNTY), Set.of(), List.of(), Map.of(),
                discharge -> Optional.of(discharge == underTheCitysRules ? city : SEED), counts, Map.of());

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(underTheSeed, underTheCitysRules), known, settlers,
                Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(outcome.settled()).extracting(settled -> settled.event().outlierKind())
                .containsExactly(OutlierKind.HIGH_COST, OutlierKind.EXPERT_REVIEW);
        assertThat(outcome.countIncrements()).containsOnlyKeys(new ReviewCounts.Key("430000", year, "DRG"),
                new ReviewCounts.Key("430300", year, "DRG"));
    }

    /**
     * The seed area has 20 cases, one of them stored review R — its 5 % cap is used (a second needs 2 ≤ 0.05 × 21).
     * A correction C of R, ordinary, comes first in the batch: R leaves the counts, cases and review, so the batch's
     * next ¥50,000 stay finds 20 cases (19 + C) and no review: 1 ≤ 0.05 × 21 = 1.05, review. Counted on, R left it
     * 21 cases and 1 review: 2 ≤ 0.05 × 22 = 1.1, no — a high-cost case. The settlements made (the meter's) are the
     * batch's two, one a review; R's withdrawal is apart.
     */
    @Test
    void a_review_a_correction_replaces_frees_its_slot_for_the_batchs_later_cases() {
        UUID review = UUID.randomUUID();
        InpatientDischarged correction = discharge(null, EventId.of(review), "12860.35");
        InpatientDischarged outlier = discharge(null, null, "50000.00");
        ReviewCounts.Key key = new ReviewCounts.Key("430000", GOLDEN.dischargeDate().getYear(), "DRG");
        ReviewCounts counts = new ReviewCounts();
        counts.load(key, 20, 1);
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), Set.of(), Map.of(COUNTY_HOSPITAL, Level.COUNTY), Set.of(),
                List.of(), Map.of(review, Set.of(review)), discharge -> Optional.of(SEED), counts, Map.of(), Map.of(),
                Map.of(review, new ReviewCounts.Counted(key, true)));

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(correction, outlier), known, settlers,
                Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(outcome.settled()).extracting(settled -> settled.event().outlierKind())
                .containsExactly(OutlierKind.NONE, OutlierKind.EXPERT_REVIEW);
        assertThat(outcome.countIncrements()).containsOnlyKeys(key);
        assertThat(outcome.countIncrements().get(key)).containsExactly(2L, 1L);
        assertThat(outcome.countWithdrawals()).containsOnlyKeys(key);
        assertThat(outcome.countWithdrawals().get(key)).containsExactly(1L, 1L);
    }

    @Test
    void a_primary_level_disease_is_paid_with_the_one_primary_coefficient_at_every_level() {
        InpatientDischarged atCounty = discharge(null, null, "12860.35");
        InpatientDischarged atTownship = withInstitution(discharge(null, null, "12860.35"), TOWNSHIP_HOSPITAL);
        InpatientDischarged otherDiagnosis = withDiagnosis(discharge(null, null, "12860.35"), "I61.000");
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), Set.of(),
                Map.of(COUNTY_HOSPITAL, Level.COUNTY, TOWNSHIP_HOSPITAL, Level.TOWNSHIP),
                Set.of(GOLDEN.principalDiagnosis().value()), List.of(), Map.of(), discharge -> Optional.of(SEED), new ReviewCounts(), Map.of());

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(atCounty, atTownship, otherDiagnosis), known, settlers,
                Instant.parse("2025-04-01T00:00:00Z"));

        // BR25 0.781 × ¥10,000 × primary 0.85 = ¥6,638.50 at both levels, less each level's own deductible
        // (county ¥600, township ¥300); the other diagnosis keeps the county's 0.9: ¥7,029.00.
        assertThat(outcome.settled()).extracting(settled -> settled.event().standardPayment())
                .containsExactly(Money.ofYuan("6638.50"), Money.ofYuan("6638.50"), Money.ofYuan("7029.00"));
        assertThat(outcome.settled()).extracting(settled -> settled.event().fundPayable())
                .containsExactly(Money.ofYuan("6038.50"), Money.ofYuan("6338.50"), Money.ofYuan("6429.00"));
    }

    /**
     * Every version of a stay is keyed by the stay's first report (the one-standing-version index), in whatever order a
     * batch brings a stay's corrections: O corrected by C1, C1 by C2, O not stored.
     */
    @Test
    void corrections_of_corrections_in_one_batch_are_keyed_by_the_stays_first_report_in_either_order() {
        UUID original = UUID.randomUUID();
        InpatientDischarged first = discharge(null, EventId.of(original), "12860.35");
        InpatientDischarged second = discharge(null, first.eventId(), "12860.35");

        for (List<InpatientDischarged> batch : List.of(List.of(first, second), List.of(second, first))) {
            DischargeBatch.Outcome outcome = settle(batch, Set.of(), List.of());

            assertThat(outcome.settled()).extracting(settled -> settled.discharge().eventId(), DischargeBatch.Settled::stay)
                    .containsExactlyInAnyOrder(tuple(first.eventId(), original), tuple(second.eventId(), original));
            assertThat(outcome.superseded()).contains(first.eventId().asUuid()).doesNotContain(second.eventId().asUuid());
        }
    }

    /** A correction whose chain, stored, leads up to the first report: keyed by that report, and an original by itself. */
    @Test
    void a_correction_of_a_stored_correction_is_keyed_by_the_stored_chains_first_report_and_an_original_by_itself() {
        UUID report = UUID.randomUUID();
        UUID storedCorrection = UUID.randomUUID();
        InpatientDischarged correction = discharge(null, EventId.of(storedCorrection), "12860.35");
        InpatientDischarged original = discharge(null, null, "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(correction, original), Map.of(storedCorrection,
                new StayChains.Stored(Set.of(storedCorrection, report), report)), Set.of(), Map.of());

        assertThat(outcome.settled()).extracting(DischargeBatch.Settled::stay).containsExactly(report, null);
    }

    /**
     * The version between a stored correction and the first report arrives last: C2 (correcting C1) stands, keyed by C1
     * as it was all that was known; C1 (correcting O) arrives, replaces O and is stored replaced — and C2 is keyed by O.
     */
    @Test
    void a_late_version_in_between_rekeys_the_standing_correction_by_the_first_report() {
        UUID report = UUID.randomUUID();
        UUID standing = UUID.randomUUID();
        InpatientDischarged between = discharge(null, EventId.of(report), "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(between), Map.of(report, new StayChains.Stored(Set.of(report), report)),
                Set.of(between.eventId().asUuid()),
                Map.of(report, Set.of(report), between.eventId().asUuid(), Set.of(standing)));

        assertThat(outcome.superseded()).containsExactlyInAnyOrder(report, between.eventId().asUuid());
        assertThat(outcome.restayed()).containsExactly(Map.entry(standing, report));
    }

    /**
     * Two reports naming each other (a corrects b, b corrects a) leave no version of the stay to stand: both are refused,
     * and the stay's later corrections replace one another — one stands. Before, the two later ones both stood (and
     * with the one-standing-version index, their batch was retried for ever). A stored a correcting b refuses b alike.
     */
    @Test
    void corrections_naming_each_other_are_refused_and_one_version_of_the_stay_stands() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        InpatientDischarged aCorrectsB = withId(discharge(null, EventId.of(b), "12860.35"), a);
        InpatientDischarged bCorrectsA = withId(discharge(null, EventId.of(a), "12860.35"), b);
        InpatientDischarged third = discharge(null, EventId.of(a), "12860.35");
        InpatientDischarged fourth = discharge(null, EventId.of(a), "12860.35");

        DischargeBatch.Outcome inBatch = settle(List.of(aCorrectsB, bCorrectsA, third, fourth), Set.of(), List.of());
        DischargeBatch.Outcome stored = settle(List.of(bCorrectsA), Map.of(a, new StayChains.Stored(Set.of(a, b), b)), Set.of(),
                Map.of(a, Set.of(a)));

        assertThat(inBatch.refused()).containsOnlyKeys(0, 1);
        assertThat(inBatch.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(third, fourth);
        assertThat(inBatch.superseded()).contains(third.eventId().asUuid()).doesNotContain(fourth.eventId().asUuid());
        assertThat(stored.refused()).containsOnlyKeys(0);
        assertThat(stored.refused().get(0)).hasMessageContaining("no version of the stay would stand");
    }

    /**
     * A chain through a correction the batch refuses is not a chain: O stands, C1 (correcting O) is refused — its
     * institution is not in the matrix — and C2 (correcting C1) is keyed by C1, beside O, as a correction naming a
     * version not stored is. Keyed by O, it met O standing in the one-standing-version index, and its batch was settled
     * again for ever (helper-83).
     */
    @Test
    void a_correction_of_a_refused_correction_is_keyed_by_the_refused_version_not_by_the_stay_beyond_it() {
        UUID original = UUID.randomUUID();
        InpatientDischarged refused = withInstitution(discharge(null, EventId.of(original), "12860.35"), "430321X9999");
        InpatientDischarged fix = discharge(null, refused.eventId(), "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(refused, fix), Map.of(original, new StayChains.Stored(Set.of(original), original),
                refused.eventId().asUuid(), new StayChains.Stored(Set.of(refused.eventId().asUuid()), refused.eventId().asUuid())),
                Set.of(), Map.of(original, Set.of(original)));

        assertThat(outcome.refused()).containsOnlyKeys(0);
        assertThat(outcome.settled()).singleElement().extracting(DischargeBatch.Settled::stay).isEqualTo(refused.eventId().asUuid());
        assertThat(outcome.superseded()).doesNotContain(original);
    }

    /**
     * A stored chain topping out at a version the batch brings: C2 (correcting L, L missing) is stored; the batch brings
     * L (correcting O) and C9 (correcting C2). C9 is keyed by O, through the stored chain to L and the batch to O — keyed
     * by L, an original O settled at the same moment met nothing, and both stood (helper-83).
     */
    @Test
    void a_stored_chain_topping_out_at_a_version_of_the_batch_leads_on_to_the_first_report() {
        UUID original = UUID.randomUUID();
        UUID storedCorrection = UUID.randomUUID();
        InpatientDischarged late = discharge(null, EventId.of(original), "12860.35");
        InpatientDischarged latest = discharge(null, EventId.of(storedCorrection), "12860.35");
        UUID lateId = late.eventId().asUuid();

        DischargeBatch.Outcome outcome = settle(List.of(late, latest), Map.of(original, new StayChains.Stored(Set.of(original), original),
                        storedCorrection, new StayChains.Stored(Set.of(storedCorrection, lateId), lateId)),
                Set.of(lateId), Map.of(lateId, Set.of(storedCorrection), storedCorrection, Set.of(storedCorrection)));

        assertThat(outcome.settled()).extracting(settled -> settled.discharge().eventId(), DischargeBatch.Settled::stay)
                .containsExactly(tuple(late.eventId(), original), tuple(latest.eventId(), original));
        assertThat(outcome.superseded()).contains(storedCorrection, lateId);
        assertThat(outcome.restayed()).isEmpty();
    }

    /** A batch settled against stored chains ({@link DischargeBatch.Known#chains}) and the stored rows standing for names. */
    private DischargeBatch.Outcome settle(List<InpatientDischarged> discharges, Map<UUID, StayChains.Stored> chains,
                                          Set<UUID> named, Map<UUID, Set<UUID>> standingVersions) {
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(), named, Map.of(COUNTY_HOSPITAL, Level.COUNTY), Set.of(),
                List.of(), standingVersions, discharge -> Optional.of(SEED), new ReviewCounts(), Map.of(), chains);
        return DischargeBatch.settle(discharges, known, settlers, Instant.parse("2025-04-01T00:00:00Z"));
    }

    private static InpatientDischarged withId(InpatientDischarged d, UUID id) {
        return new InpatientDischarged(EventId.of(id), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    private DischargeBatch.Outcome settle(List<InpatientDischarged> discharges, Set<UUID> stored, List<DischargeBatch.StoredStay> stays) {
        return settle(discharges, stored, Set.of(), stays, Map.of());
    }

    /**
     * @param stored           the discharges already stored
     * @param named            those a stored correction names
     * @param standingVersions the stored rows that stand for the stays named ({@link DischargeBatch.Known#standingVersions})
     */
    private DischargeBatch.Outcome settle(List<InpatientDischarged> discharges, Set<UUID> stored, Set<UUID> named,
                                          List<DischargeBatch.StoredStay> stays, Map<UUID, Set<UUID>> standingVersions) {
        DischargeBatch.Known known = new DischargeBatch.Known(stored, named,
                Map.of(COUNTY_HOSPITAL, Level.COUNTY, CITY_HOSPITAL, Level.CITY),
                Set.of(), stays, standingVersions,
                discharge -> Optional.of(SEED), new ReviewCounts(), Map.of());
        return DischargeBatch.settle(discharges, known, settlers, Instant.parse("2025-04-01T00:00:00Z"));
    }

    /** What the batch announces: its rows standing at commit, then the stored rows it restates. */
    private static List<CaseSettled> announcedBy(DischargeBatch.Outcome outcome) {
        List<CaseSettled> announced = new ArrayList<>(outcome.settled().stream().filter(DischargeBatch.Settled::stands)
                .map(DischargeBatch.Settled::event).toList());
        outcome.restated().forEach((row, retired) -> announced.add(SupersedesFold.announced(row, retired)));
        return announced;
    }

    /** Discharge ids as {@code supersedes} lists them: in UUID order. */
    private static List<EventId> inOrder(UUID... versions) {
        return Stream.of(versions).sorted().map(EventId::of).toList();
    }

    /** The batch settled one stay, which owes this deductible and leaves the fund this to pay (yuan). */
    private static void assertOwes(DischargeBatch.Outcome outcome, String deductibleDue, String fundPayable) {
        assertThat(outcome.settled()).singleElement().satisfies(settled -> {
            assertThat(settled.decision().deductibleDue()).isEqualTo(Money.ofYuan(deductibleDue));
            assertThat(settled.event().fundPayable()).isEqualTo(Money.ofYuan(fundPayable));
        });
    }

    private static DischargeBatch.StoredStay stored(UUID id, EpisodeId episode, String institution, long deductibleFen) {
        return new DischargeBatch.StoredStay(id, episode.value(), institution, deductibleFen);
    }

    private static InpatientDischarged discharge(EpisodeId episode, EventId corrects, String total) {
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(),
                GOLDEN.procedures(), GOLDEN.drgGroup(), new Charges(Money.ofYuan(total), Money.ZERO, Money.ZERO),
                GOLDEN.dischargeMode(), GOLDEN.admissionDate(), GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), episode, corrects);
    }

    static InpatientDischarged withInstitution(InpatientDischarged d, String institution) {
        return new InpatientDischarged(d.eventId(), d.occurredAt(), InstitutionId.of(institution), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), d.principalDiagnosis(), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }

    private static InpatientDischarged withDiagnosis(InpatientDischarged d, String diagnosis) {
        return new InpatientDischarged(d.eventId(), d.occurredAt(), d.institutionId(), d.departmentId(), d.patient(),
                d.residenceDivision(), d.insuredAreaDivision(), Icd10Code.of(diagnosis), d.procedures(), d.drgGroup(), d.charges(),
                d.dischargeMode(), d.admissionDate(), d.dischargeDate(), d.lengthOfStayDays(), d.episodeId(), d.correctsEventId());
    }
}
