package cn.hunan.mma.events.registry;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topics;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    @Test
    void every_record_a_topic_can_carry_is_registered_and_nothing_else() {
        Set<Class<?>> carried = new HashSet<>();
        Topics.all().forEach(topic -> collectRecords(topic.valueType(), carried));

        assertThat(Set.<Class<?>>copyOf(EventTypes.all().values())).isEqualTo(carried);
    }

    @Test
    void maps_names_to_classes_and_back() {
        EventTypes.all().forEach((name, type) -> {
            assertThat(EventTypes.nameOf(type)).isEqualTo(name);
            assertThat(EventTypes.classOf(name)).contains(type);
        });
    }

    @Test
    void every_record_type_is_carried_by_exactly_one_topic() {
        EventTypes.all().values().forEach(type -> assertThat(Topics.all())
                .filteredOn(topic -> topic.valueType().isAssignableFrom(type))
                .as("topics carrying %s", type.getSimpleName())
                .hasSize(1));
    }

    @Test
    void unknown_names_and_classes_are_not_found() {
        assertThat(EventTypes.classOf("InpatientTransferred")).isEmpty();
        assertThatThrownBy(() -> EventTypes.nameOf(ContractRecord.class)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Walks a topic's value type through its sealed hierarchy down to the records. */
    private static void collectRecords(Class<?> type, Set<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
            return;
        }
        assertThat(type.isSealed()).as("%s must be sealed so a topic lists its records", type.getSimpleName()).isTrue();
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collectRecords(permitted, records);
        }
    }
}
