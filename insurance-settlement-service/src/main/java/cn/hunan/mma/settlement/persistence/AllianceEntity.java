package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** An alliance as the matrix topic last stated it: its members and the divisions whose residents it covers. */
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

    protected AllianceEntity() {
    }

    public static AllianceEntity of(AllianceSnapshot snapshot) {
        AllianceEntity row = new AllianceEntity();
        row.id = snapshot.allianceId().value();
        row.apply(snapshot);
        return row;
    }

    public void apply(AllianceSnapshot snapshot) {
        kind = snapshot.kind().name();
        memberIds = snapshot.memberIds().stream().map(InstitutionId::value).collect(Collectors.joining(","));
        coveredDivisions = snapshot.coveredDivisions().stream().map(DivisionCode::value).collect(Collectors.joining(","));
        eventId = snapshot.eventId().asUuid();
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
