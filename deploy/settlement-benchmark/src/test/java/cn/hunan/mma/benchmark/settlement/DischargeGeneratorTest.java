package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.reference.Area;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written JSON must be what the contract's codec accepts, and the same for the same seed. */
class DischargeGeneratorTest {

    private static List<Institution> hospitals;

    @BeforeAll
    static void matrix() {
        hospitals = AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(7)), Area.parse("430300")).institutions().stream()
                .filter(DischargeGenerator::admitsInpatients).toList();
    }

    private static DischargeGenerator generator(long seed) {
        return new DischargeGenerator(hospitals, List.of(new DischargeGenerator.Group("BR25", 0.781),
                new DischargeGenerator.Group("GB19", 2.1)), seed, 4, 10);
    }

    @Test
    void every_record_decodes_with_the_contract_codec_under_its_key() {
        DischargeGenerator generator = generator(42);
        Set<EventId> ids = new HashSet<>();
        for (long index = 0; index < 2_000; index++) {
            InpatientDischarged discharge = ContractCodec.standard().decode(generator.json(index), InpatientDischarged.class)
                    .orElseThrow();
            assertThat(discharge.institutionId().value()).isEqualTo(generator.key(index));
            assertThat(discharge.insuredAreaDivision().value()).hasSize(6);
            assertThat(discharge.charges().total().isGreaterThan(discharge.charges().fundPaid())).isTrue();
            ids.add(discharge.eventId());
        }
        assertThat(ids).hasSize(2_000);
    }

    /**
     * Corrections every tenth, episodes every fourth: discharge 21 corrects 20, and 41 corrects 40 (the second stay of
     * the episode 39–40), each keeping the patient, hospital and episode of the stay it corrects; 11 is the first stay
     * of the episode 11–12, so it corrects nothing.
     */
    @Test
    void a_correction_names_the_discharge_before_it_and_keeps_its_patient_hospital_and_episode() {
        DischargeGenerator generator = generator(42);
        for (long index = 2; index < 400; index++) {
            InpatientDischarged discharge = decode(generator, index);
            if (!generator.corrects(index)) {
                assertThat(discharge.correctsEventId()).isNull();
                continue;
            }
            InpatientDischarged corrected = decode(generator, index - 1);
            assertThat(discharge.correctsEventId()).isEqualTo(corrected.eventId());
            assertThat(discharge.patient()).isEqualTo(corrected.patient());
            assertThat(discharge.institutionId()).isEqualTo(corrected.institutionId());
            assertThat(discharge.episodeId()).isEqualTo(corrected.episodeId());
        }
        assertThat(generator.corrects(11)).as("the first stay of the episode 11–12").isFalse();
        assertThat(generator.corrects(21)).isTrue();
        assertThat(generator.corrects(41)).isTrue();
        assertThat(decode(generator, 40).episodeId()).as("41 corrects the second stay of the episode 39–40").isNotNull();
    }

    @Test
    void every_fourth_discharge_continues_the_episode_of_the_one_before_at_the_same_hospital_for_the_same_patient() {
        DischargeGenerator generator = generator(42);
        InpatientDischarged first = decode(generator, 7);
        InpatientDischarged second = decode(generator, 8);
        InpatientDischarged alone = decode(generator, 9);

        assertThat(second.episodeId()).isNotNull().isEqualTo(first.episodeId());
        assertThat(second.patient()).isEqualTo(first.patient());
        assertThat(second.institutionId()).isEqualTo(first.institutionId());
        assertThat(alone.episodeId()).isNull();
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_other_ones() {
        assertThat(generator(42).json(123)).isEqualTo(generator(42).json(123));
        assertThat(generator(43).json(123)).isNotEqualTo(generator(42).json(123));
    }

    private static InpatientDischarged decode(DischargeGenerator generator, long index) {
        return ContractCodec.standard().decode(generator.json(index), InpatientDischarged.class).orElseThrow();
    }

    @Test
    void the_corrections_are_counted_as_generated_leaving_out_episode_stays() {
        // Every 10th + 1 corrects (11, 21, …, 91 below 100); every 4th continues an episode, and the stays of an episode
        // (i and i − 1 for i a multiple of 4) are not corrected: 11, 31, 51, 71, 91 precede a multiple of 4. Left: 21, 41, 61, 81.
        DischargeGenerator generator = generator(1);
        assertThat(generator.corrections(100)).isEqualTo(4);
        assertThat(java.util.stream.LongStream.range(0, 100).filter(generator::corrects).boxed().toList()).containsExactly(21L, 41L, 61L, 81L);
    }
}
