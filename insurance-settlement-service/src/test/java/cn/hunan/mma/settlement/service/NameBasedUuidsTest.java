package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.EventId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NameBasedUuidsTest {

    @Test
    void gives_the_jdks_name_based_uuid_for_the_same_bytes() {
        for (int i = 0; i < 2_000; i++) {
            byte[] name = ("settled:" + UUID.randomUUID() + (i % 7 == 0 ? "湘潭" : "")).getBytes(StandardCharsets.UTF_8);
            assertThat(NameBasedUuids.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
        }
        assertThat(NameBasedUuids.of(new byte[0])).isEqualTo(UUID.nameUUIDFromBytes(new byte[0]));
    }

    @Test
    void a_settled_event_id_is_still_the_one_earlier_releases_derived() {
        // MD5 of "settled:1e250c70-…" with the version-3 and variant bits set, computed outside Java (Python hashlib):
        // a replayed discharge must publish under the id it was first published under.
        assertThat(DischargeBatch.settledEventId(EventId.of("1e250c70-dff6-4e52-8690-a9c144e7cf0f")).asUuid())
                .isEqualTo(UUID.fromString("82d602f9-beb0-3f6d-9294-0eb5af041c69"));
    }
}
