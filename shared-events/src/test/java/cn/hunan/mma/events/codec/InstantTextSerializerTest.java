package cn.hunan.mma.events.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextSerializerTest {

    private final ObjectMapper mapper = ContractJson.newObjectMapper();

    @Test
    void the_contract_mapper_writes_instants_with_it() throws Exception {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class))
                .isInstanceOf(InstantTextSerializer.class);
    }

    @Test
    void an_instant_is_written_as_instant_to_string_writes_it() throws Exception {
        for (String time : List.of("2025-03-14T00:30:00Z", "2025-03-14T00:30:00.120Z", "2025-03-14T00:30:00.000001Z",
                "1969-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z")) {
            assertThat(mapper.writeValueAsString(Instant.parse(time))).isEqualTo("\"" + Instant.parse(time) + "\"");
        }
    }
}
