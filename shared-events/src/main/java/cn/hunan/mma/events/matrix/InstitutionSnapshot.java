package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * States an institution's current registration: level, kind, place and alliance memberships.
 *
 * @param latitude  WGS-84 degrees; absent together with {@code longitude} when not surveyed
 * @param active    false once the institution stops operating (kept, not deleted, for history)
 */
public record InstitutionSnapshot(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        String name,
        Level level,
        InstitutionKind kind,
        DivisionCode divisionCode,
        @OptionalField BigDecimal latitude,
        @OptionalField BigDecimal longitude,
        List<AllianceId> allianceIds,
        boolean active) implements MatrixSnapshot {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public InstitutionSnapshot {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.text(name, "name", 200);
        Checks.present(level, "level");
        Checks.present(kind, "kind");
        Checks.present(divisionCode, "divisionCode");
        Checks.require((latitude == null) == (longitude == null), "longitude",
                "latitude and longitude come together or not at all");
        if (latitude != null) {
            Checks.between(latitude, "latitude", MAX_LATITUDE.negate(), MAX_LATITUDE);
            Checks.between(longitude, "longitude", MAX_LONGITUDE.negate(), MAX_LONGITUDE);
        }
        allianceIds = Checks.list(allianceIds, "allianceIds");
    }
}
