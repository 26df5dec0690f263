package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void topic_names_are_unique_and_follow_the_naming_scheme() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("mma\\.[a-z]+\\.[a-z-]+"));
        assertThat(Topics.byName("mma.care.inpatient")).contains(Topics.INPATIENT);
        assertThat(Topics.byName("mma.care.inpatient.dlt")).isEmpty();
    }

    @Test
    void every_topic_names_its_dead_letter_topic() {
        assertThat(Topics.INPATIENT.deadLetter().name()).isEqualTo("mma.care.inpatient.dlt");
        assertThat(Topics.all()).allSatisfy(topic -> {
            assertThat(topic.deadLetter().name()).isEqualTo(topic.name() + ".dlt");
            assertThat(topic.deadLetter().newTopic((short) 1).configs())
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        });
    }

    @Test
    void reference_and_latest_state_topics_are_compacted_and_event_streams_are_not() {
        assertThat(Topics.all()).filteredOn(topic -> topic.cleanupPolicy() == CleanupPolicy.COMPACT)
                .containsExactlyInAnyOrder(Topics.INSTITUTIONS, Topics.ALLIANCES, Topics.SPECIALTIES,
                        Topics.GUIDANCE_CATALOGUE, Topics.FACTOR_SCORES, Topics.BUDGETS);
        assertThat(Topics.INSTITUTIONS.newTopic((short) 3).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
    }

    /** navigation rebuilds its live capacity from the capacity topic at every start: the topic states how long it keeps it. */
    @Test
    void the_capacity_topic_keeps_five_weeks_and_other_topics_take_the_brokers_retention() {
        assertThat(Topics.CAPACITY.newTopic((short) 1).configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(35L * 24 * 60 * 60 * 1000))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        assertThat(Topics.all()).filteredOn(topic -> topic.retention().isPresent()).containsExactly(Topics.CAPACITY);
        assertThat(Topics.INPATIENT.newTopic((short) 1).configs()).doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void hospital_reports_are_keyed_by_their_institution() {
        InpatientDischarged discharge = GoldenFixtures.record(InpatientDischarged.class);

        assertThat(Topics.INPATIENT.keyOf(discharge)).isEqualTo(InstitutionId.of("430321H0001"));
        assertThat(Topics.INPATIENT.keyType()).isEqualTo(InstitutionId.class);
    }

    @Test
    void scores_are_keyed_by_entity_and_period() {
        FactorScoreComputed score = GoldenFixtures.record(FactorScoreComputed.class);

        ScoreKey key = Topics.FACTOR_SCORES.keyOf(score);

        assertThat(Topics.FACTOR_SCORES.keyText(key)).isEqualTo("INSTITUTION:430321H0001:2025-H1");
    }

    @Test
    void values_round_trip_through_the_topic_serde() {
        InpatientDischarged discharge = GoldenFixtures.record(InpatientDischarged.class);
        var serde = Topics.INPATIENT.valueSerde(GoldenFixtures.codec());

        byte[] bytes = serde.serializer().serialize(Topics.INPATIENT.name(), discharge);

        assertThat(serde.deserializer().deserialize(Topics.INPATIENT.name(), bytes)).isEqualTo(discharge);
        assertThat(serde.deserializer().deserialize(Topics.INPATIENT.name(), null)).as("tombstone").isNull();
    }

    @Test
    void the_value_deserializer_throws_a_serialization_exception_carrying_the_reason() {
        var deserializer = Topics.INPATIENT.valueSerde(GoldenFixtures.codec()).deserializer();
        byte[] referral = GoldenFixtures.bytes("ReferralArrived");

        assertThatThrownBy(() -> deserializer.deserialize(Topics.INPATIENT.name(), referral))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .isInstanceOfSatisfying(RejectedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_EVENT_TYPE));
    }

    @Test
    void the_key_deserializer_rejects_keys_that_do_not_parse() {
        var keys = Topics.INPATIENT.keySerde();
        byte[] bad = "430321 H0001".getBytes(StandardCharsets.UTF_8);

        assertThat(keys.deserializer().deserialize("t", keys.serializer().serialize("t", InstitutionId.of("430321H0001"))))
                .isEqualTo(InstitutionId.of("430321H0001"));
        assertThatThrownBy(() -> keys.deserializer().deserialize("t", bad))
                .isInstanceOfSatisfying(RejectedRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID);
                    assertThat(e.path()).isEqualTo("key");
                });
    }

    @Test
    void the_class_configured_deserializer_checks_the_value_type_of_the_topic_it_reads() {
        var deserializer = new ContractRecordDeserializer();
        byte[] discharge = GoldenFixtures.bytes("InpatientDischarged");

        ContractRecord decoded = deserializer.deserialize(Topics.INPATIENT.name(), discharge);

        assertThat(decoded).isInstanceOf(InpatientEvent.class);
        assertThatThrownBy(() -> deserializer.deserialize(Topics.REFERRALS.name(), discharge))
                .isInstanceOfSatisfying(RejectedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_EVENT_TYPE));
        assertThat(new ContractRecordSerializer().serialize(Topics.INPATIENT.name(), decoded))
                .isEqualTo(GoldenFixtures.codec().encode(decoded));
    }

    @Test
    void every_registered_record_finds_the_topic_that_carries_it() {
        EventTypes.all().values().forEach(type -> assertThat(Topics.carrying(type)).isPresent());
        assertThat(Topics.carrying(InpatientDischarged.class)).contains(Topics.INPATIENT);
    }
}
