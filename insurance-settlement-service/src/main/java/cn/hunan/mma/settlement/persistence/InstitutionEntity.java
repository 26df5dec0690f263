package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    protected InstitutionEntity() {
    }

    public static InstitutionEntity of(InstitutionSnapshot snapshot) {
        InstitutionEntity row = new InstitutionEntity();
        row.id = snapshot.institutionId().value();
        row.apply(snapshot);
        return row;
    }

    public void apply(InstitutionSnapshot snapshot) {
        level = snapshot.level();
        divisionCode = snapshot.divisionCode().value();
        eventId = snapshot.eventId().asUuid();
    }

    public Level level() {
        return level;
    }
}
