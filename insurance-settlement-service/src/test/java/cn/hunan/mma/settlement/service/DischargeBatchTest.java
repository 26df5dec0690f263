package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
                List.of(new DischargeBatch.StoredStay(UUID.randomUUID(), storedEpisode.value(), 60_000)));

        assertThat(outcome.settled()).extracting(settled -> settled.event().fundPayable())
                .containsExactly(Money.ofYuan("7029.00"), Money.ofYuan("6429.00"), Money.ofYuan("7029.00"));
    }

    @Test
    void a_correction_supersedes_the_stay_it_corrects_whose_deductible_then_no_longer_counts() {
        EpisodeId episode = EpisodeId.of("EP-CORRECTED");
        UUID original = UUID.randomUUID();
        InpatientDischarged correction = discharge(episode, EventId.of(original), "30000.00");

        DischargeBatch.Outcome outcome = settle(List.of(correction), Set.of(),
                List.of(new DischargeBatch.StoredStay(original, episode.value(), 60_000)));

        assertThat(outcome.superseded()).containsExactly(original);
        // ¥30,000 > 3 × ¥7,029: 7,029 × (30,000/7,029 − 3 + 1) = ¥15,942.00, less the county ¥600 owed again.
        assertThat(outcome.settled()).singleElement().satisfies(settled -> {
            assertThat(settled.event().outlierKind()).isEqualTo(OutlierKind.HIGH_COST);
            assertThat(settled.event().fundPayable()).isEqualTo(Money.ofYuan("15342.00"));
        });
    }

    @Test
    void an_unknown_institution_or_an_unpriced_group_is_refused_alone_and_the_rest_is_settled() {
        InpatientDischarged unknown = withInstitution(discharge(null, null, "12860.35"), "430321H9999");
        InpatientDischarged good = discharge(null, null, "12860.35");

        DischargeBatch.Outcome outcome = settle(List.of(unknown, good), Set.of(), List.of());

        assertThat(outcome.refused()).containsOnlyKeys(0);
        assertThat(outcome.refused().get(0)).hasMessageContaining("430321H9999");
        assertThat(outcome.settled()).extracting(DischargeBatch.Settled::discharge).containsExactly(good);
        assertThat(outcome.countIncrements()).containsOnlyKeys(new ReviewCounts.Key(GOLDEN.dischargeDate().getYear(), "DRG"));
        assertThat(outcome.countIncrements().values().iterator().next()).containsExactly(1L, 0L);
    }

    @Test
    void a_primary_level_disease_is_paid_with_the_one_primary_coefficient_at_every_level() {
        InpatientDischarged atCounty = discharge(null, null, "12860.35");
        InpatientDischarged atTownship = withInstitution(discharge(null, null, "12860.35"), TOWNSHIP_HOSPITAL);
        InpatientDischarged otherDiagnosis = withDiagnosis(discharge(null, null, "12860.35"), "I61.000");
        DischargeBatch.Known known = new DischargeBatch.Known(Set.of(),
                Map.of(COUNTY_HOSPITAL, Level.COUNTY, TOWNSHIP_HOSPITAL, Level.TOWNSHIP),
                Set.of(GOLDEN.principalDiagnosis().value()), List.of(), discharge -> Optional.of(SEED), new ReviewCounts(), Map.of());

        DischargeBatch.Outcome outcome = DischargeBatch.settle(List.of(atCounty, atTownship, otherDiagnosis), known, settlers,
                Instant.parse("2025-04-01T00:00:00Z"));

        // BR25 0.781 × ¥10,000 × primary 0.85 = ¥6,638.50 at both levels, less each level's own deductible
        // (county ¥600, township ¥300); the other diagnosis keeps the county's 0.9: ¥7,029.00.
        assertThat(outcome.settled()).extracting(settled -> settled.event().standardPayment())
                .containsExactly(Money.ofYuan("6638.50"), Money.ofYuan("6638.50"), Money.ofYuan("7029.00"));
        assertThat(outcome.settled()).extracting(settled -> settled.event().fundPayable())
                .containsExactly(Money.ofYuan("6038.50"), Money.ofYuan("6338.50"), Money.ofYuan("6429.00"));
    }

    private DischargeBatch.Outcome settle(List<InpatientDischarged> discharges, Set<UUID> stored, List<DischargeBatch.StoredStay> stays) {
        DischargeBatch.Known known = new DischargeBatch.Known(stored, Map.of(COUNTY_HOSPITAL, Level.COUNTY), Set.of(), stays,
                discharge -> Optional.of(SEED), new ReviewCounts(), Map.of());
        return DischargeBatch.settle(discharges, known, settlers, Instant.parse("2025-04-01T00:00:00Z"));
    }

    private static InpatientDischarged discharge(EpisodeId episode, EventId corrects, String total) {
        return new InpatientDischarged(EventId.random(), GOLDEN.occurredAt(), GOLDEN.institutionId(), GOLDEN.departmentId(),
                GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(), GOLDEN.principalDiagnosis(),
                GOLDEN.procedures(), GOLDEN.drgGroup(), new Charges(Money.ofYuan(total), Money.ZERO, Money.ZERO),
                GOLDEN.dischargeMode(), GOLDEN.admissionDate(), GOLDEN.dischargeDate(), GOLDEN.lengthOfStayDays(), episode, corrects);
    }

    private static InpatientDischarged withInstitution(InpatientDischarged d, String institution) {
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
