package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Level;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How the institution row follows the matrix topic: the latest stated level stands, whatever order they arrive in. */
class InstitutionEntityTest {

    private static final InstitutionSnapshot GOLDEN = GoldenFixtures.record(InstitutionSnapshot.class);

    @Test
    void a_level_stated_before_the_one_the_row_holds_does_not_turn_it_back() {
        InstitutionEntity row = InstitutionEntity.of(at("2026-03-01T00:00:00Z", Level.COUNTY));

        // A replay from the dead-letter topic of what the matrix said in January: the hospital stays a county one.
        row.apply(at("2026-01-01T00:00:00Z", Level.TOWNSHIP));
        assertThat(row.level()).isEqualTo(Level.COUNTY);

        row.apply(at("2026-03-01T00:00:00Z", Level.TOWNSHIP));   // stated at the same moment again: taken
        assertThat(row.level()).isEqualTo(Level.TOWNSHIP);
        row.apply(at("2026-06-01T00:00:00Z", Level.CITY));
        assertThat(row.level()).isEqualTo(Level.CITY);
    }

    private static InstitutionSnapshot at(String statedAt, Level level) {
        return new InstitutionSnapshot(EventId.random(), Instant.parse(statedAt), GOLDEN.institutionId(), GOLDEN.name(), level,
                GOLDEN.kind(), GOLDEN.divisionCode(), GOLDEN.latitude(), GOLDEN.longitude(), GOLDEN.allianceIds(), GOLDEN.active());
    }
}
