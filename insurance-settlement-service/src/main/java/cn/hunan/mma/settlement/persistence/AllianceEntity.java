package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.settlement.domain.alliance.AllianceLifetime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An alliance as the matrix topic last stated it: its members and the divisions whose residents it
 * covers, and when it was dissolved. A dissolution ({@link AllianceDissolution}: the lead alone,
 * covering nothing) does not overwrite the make-up: the budgets and closes of the years the alliance
 * existed are still read, scoped and closed against the members and divisions it had.
 */
@Entity
@Table(name = "alliance")
public class AllianceEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "member_ids", nullable = false)
    String memberIds;

    @Column(name = "covered_divisions", nullable = false)
    String coveredDivisions;

    @Column(name = "event_id", nullable = false)
    UUID eventId;

    @Column(name = "dissolved_at")
    Instant dissolvedAt;

    // When the matrix stated what the row holds; null for rows stored before V24.
    @Column(name = "stated_at")
    Instant statedAt;

    protected AllianceEntity() {
    }

    public static AllianceEntity of(AllianceSnapshot snapshot) {
        AllianceEntity row = new AllianceEntity();
        row.id = snapshot.allianceId().value();
        row.apply(snapshot);
        return row;
    }

    public void apply(AllianceSnapshot snapshot) {
        if (statedAt != null && snapshot.occurredAt().isBefore(statedAt)) {
            return;   // stated before what the row holds, delivered late (a replay): neither a make-up nor a dissolution
        }
        statedAt = snapshot.occurredAt();
        if (AllianceDissolution.isDissolved(snapshot)) {
            dissolve(snapshot);
            return;
        }
        if (dissolvedAt != null && snapshot.occurredAt().isBefore(dissolvedAt)) {
            return;   // a make-up stated before the dissolution, delivered late: the alliance stays dissolved
        }
        dissolvedAt = null;   // formed again after a dissolution
        kind = snapshot.kind().name();
        memberIds = snapshot.memberIds().stream().map(InstitutionId::value).collect(Collectors.joining(","));
        coveredDivisions = snapshot.coveredDivisions().stream().map(DivisionCode::value).collect(Collectors.joining(","));
        eventId = snapshot.eventId().asUuid();
    }

    private void dissolve(AllianceSnapshot snapshot) {
        if (memberIds == null) {
            // First heard of as dissolved (e.g. a fresh database reading the compacted topic): no make-up to keep.
            kind = snapshot.kind().name();
            memberIds = snapshot.memberIds().stream().map(InstitutionId::value).collect(Collectors.joining(","));
            coveredDivisions = "";
        }
        if (dissolvedAt == null) {
            dissolvedAt = snapshot.occurredAt();   // a repeated dissolution keeps the first date
        }
        eventId = snapshot.eventId().asUuid();
    }

    public String kind() {
        return kind;
    }

    /** A close-knit alliance (county medical community, city medical group) holds a global budget; a specialty alliance does not. */
    public boolean holdsBudget() {
        return !AllianceKind.SPECIALTY_ALLIANCE.name().equals(kind);
    }

    public AllianceLifetime lifetime() {
        return new AllianceLifetime(dissolvedAt);
    }

    public String id() {
        return id;
    }

    public List<String> memberIds() {
        return split(memberIds);
    }

    public List<String> coveredDivisions() {
        return split(coveredDivisions);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
