package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.rest.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue as the settlement stores it (real PostgreSQL): the entry stated last stands, whatever arrives last. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class GuidanceCatalogueTest {

    @Inject
    GuidanceCatalogue catalogue;

    @Test
    void an_entry_stated_before_the_stored_one_does_not_turn_it_back() throws Exception {
        String prefix = "Z98";   // no other test's catalogue names it

        catalogue.remember(entry(prefix, "2026-03-01T00:00:00Z", true)).await().indefinitely();
        catalogue.remember(entry(prefix, "2026-01-01T00:00:00Z", false)).await().indefinitely();   // a late replay
        assertThat(primaryLevel(prefix)).isTrue();

        catalogue.remember(entry(prefix, "2026-06-01T00:00:00Z", false)).await().indefinitely();
        assertThat(primaryLevel(prefix)).isFalse();
    }

    private static GuidanceCatalogueEntry entry(String prefix, String statedAt, boolean primaryLevel) {
        return new GuidanceCatalogueEntry(EventId.random(), Instant.parse(statedAt), Icd10Code.of(prefix), Level.TOWNSHIP,
                primaryLevel, "test-" + statedAt);
    }

    private static boolean primaryLevel(String prefix) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement read = db.prepareStatement(
                "SELECT primary_level_disease FROM guidance_catalogue WHERE icd10_prefix = ?")) {
            read.setString(1, prefix);
            try (ResultSet found = read.executeQuery()) {
                assertThat(found.next()).isTrue();
                return found.getBoolean(1);
            }
        }
    }
}
