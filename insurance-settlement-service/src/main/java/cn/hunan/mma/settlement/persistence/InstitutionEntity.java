package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An institution's level and division, from the matrix topic. */
@Entity
@Table(name = "institution")
public class InstitutionEntity {

    @Id
    @Column(name = "id")
    String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false)
    Level level;

    @Column(name = "event_id", nullable = false)
    UUID eventId;

    // Null for rows stored before V12 until the matrix states the institution again.
    @Column(name = "division_code")
    String divisionCode;

    // Null for rows stored before V24 until the matrix states the institution again.
    @Column(name = "stated_at")
    Instant statedAt;

    protected InstitutionEntity() {
    }

    public static InstitutionEntity of(InstitutionSnapshot snapshot) {
        InstitutionEntity row = new InstitutionEntity();
        row.id = snapshot.institutionId().value();
        row.apply(snapshot);
        return row;
    }

    /** Takes the snapshot's level and division, unless the row holds what the matrix stated later. */
    public void apply(InstitutionSnapshot snapshot) {
        if (statedAt != null && snapshot.occurredAt().isBefore(statedAt)) {
            return;   // stated before what the row holds, delivered late: a replay would turn the level back
        }
        statedAt = snapshot.occurredAt();
        level = snapshot.level();
        divisionCode = snapshot.divisionCode().value();
        eventId = snapshot.eventId().asUuid();
    }

    public Level level() {
        return level;
    }
}
