package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An alliance's make-up as last imported: lead, members, covered divisions, collaborating tertiary hospitals. */
@Entity
@Table(name = "alliance")
public class AllianceEntity implements RegistryRow<AllianceSnapshot> {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    AllianceKind kind;

    @Column(name = "lead_institution_id", nullable = false)
    String leadInstitutionId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alliance_member", joinColumns = @JoinColumn(name = "alliance_id"))
    @OrderColumn(name = "position")
    @Column(name = "institution_id", nullable = false)
    List<String> memberIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alliance_covered_division", joinColumns = @JoinColumn(name = "alliance_id"))
    @OrderColumn(name = "position")
    @Column(name = "division_code", nullable = false)
    List<String> coveredDivisions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alliance_collaborating_tertiary", joinColumns = @JoinColumn(name = "alliance_id"))
    @OrderColumn(name = "position")
    @Column(name = "institution_id", nullable = false)
    List<String> collaboratingTertiaryIds = new ArrayList<>();

    @Embedded
    PublishedEvent published;

    protected AllianceEntity() {
    }

    public static AllianceEntity from(AllianceSnapshot snapshot) {
        AllianceEntity entity = new AllianceEntity();
        entity.id = snapshot.allianceId().value();
        entity.apply(snapshot);
        return entity;
    }

    @Override
    public boolean holds(AllianceSnapshot snapshot) {
        return name.equals(snapshot.name())
                && kind == snapshot.kind()
                && leadInstitutionId.equals(snapshot.leadInstitutionId().value())
                && memberIds.equals(institutionIds(snapshot.memberIds()))
                && coveredDivisions.equals(divisionCodes(snapshot.coveredDivisions()))
                && collaboratingTertiaryIds.equals(institutionIds(snapshot.collaboratingTertiaryIds()));
    }

    @Override
    public void apply(AllianceSnapshot snapshot) {
        name = snapshot.name();
        kind = snapshot.kind();
        leadInstitutionId = snapshot.leadInstitutionId().value();
        ManagedLists.replace(memberIds, institutionIds(snapshot.memberIds()));
        ManagedLists.replace(coveredDivisions, divisionCodes(snapshot.coveredDivisions()));
        ManagedLists.replace(collaboratingTertiaryIds, institutionIds(snapshot.collaboratingTertiaryIds()));
        published = PublishedEvent.of(snapshot);
    }

    @Override
    public Object registryKey() {
        return id;
    }

    private static List<String> institutionIds(List<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).toList();
    }

    private static List<String> divisionCodes(List<DivisionCode> codes) {
        return codes.stream().map(DivisionCode::value).toList();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public AllianceKind kind() {
        return kind;
    }

    public String leadInstitutionId() {
        return leadInstitutionId;
    }

    public List<String> memberIds() {
        return List.copyOf(memberIds);
    }

    public List<DivisionCode> coveredDivisions() {
        return coveredDivisions.stream().map(DivisionCode::of).toList();
    }

    public List<String> collaboratingTertiaryIds() {
        return List.copyOf(collaboratingTertiaryIds);
    }

    /** Whether the alliance has been dissolved (see {@link AllianceDissolution} for the representation). */
    public boolean dissolved() {
        return AllianceDissolution.isDissolved(leadInstitutionId, memberIds, coveredDivisions, collaboratingTertiaryIds);
    }

    @Override
    public PublishedEvent published() {
        return published;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllianceEntity that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
