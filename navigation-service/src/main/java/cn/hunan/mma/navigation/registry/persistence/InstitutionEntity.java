package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An institution's registration as last imported. */
@Entity
@Table(name = "institution")
public class InstitutionEntity implements RegistryRow<InstitutionSnapshot> {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false)
    Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    InstitutionKind kind;

    @Column(name = "division_code", nullable = false)
    String divisionCode;

    @Column(name = "latitude")
    BigDecimal latitude;

    @Column(name = "longitude")
    BigDecimal longitude;

    @Column(name = "active", nullable = false)
    boolean active;

    // Eager: every read of an institution needs its alliances for the access decision.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "institution_alliance", joinColumns = @JoinColumn(name = "institution_id"))
    @OrderColumn(name = "position")
    @Column(name = "alliance_id", nullable = false)
    List<String> allianceIds = new ArrayList<>();

    @Embedded
    PublishedEvent published;

    protected InstitutionEntity() {
    }

    public static InstitutionEntity from(InstitutionSnapshot snapshot) {
        InstitutionEntity entity = new InstitutionEntity();
        entity.id = snapshot.institutionId().value();
        entity.apply(snapshot);
        return entity;
    }

    /** Whether the snapshot moves the institution or changes its level: what the alliance rules read of it. */
    public boolean placedElsewhereBy(InstitutionSnapshot snapshot) {
        return level != snapshot.level() || !divisionCode.equals(snapshot.divisionCode().value());
    }

    @Override
    public boolean holds(InstitutionSnapshot snapshot) {
        return name.equals(snapshot.name())
                && level == snapshot.level()
                && kind == snapshot.kind()
                && divisionCode.equals(snapshot.divisionCode().value())
                && Decimals.sameValue(latitude, snapshot.latitude())
                && Decimals.sameValue(longitude, snapshot.longitude())
                && active == snapshot.active()
                && allianceIds.equals(ids(snapshot.allianceIds()));
    }

    @Override
    public void apply(InstitutionSnapshot snapshot) {
        name = snapshot.name();
        level = snapshot.level();
        kind = snapshot.kind();
        divisionCode = snapshot.divisionCode().value();
        latitude = snapshot.latitude();
        longitude = snapshot.longitude();
        active = snapshot.active();
        ManagedLists.replace(allianceIds, ids(snapshot.allianceIds()));
        published = PublishedEvent.of(snapshot);
    }

    @Override
    public Object registryKey() {
        return id;
    }

    private static List<String> ids(List<AllianceId> allianceIds) {
        return allianceIds.stream().map(AllianceId::value).toList();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    public InstitutionKind kind() {
        return kind;
    }

    public DivisionCode divisionCode() {
        return DivisionCode.of(divisionCode);
    }

    public BigDecimal latitude() {
        return latitude;
    }

    public BigDecimal longitude() {
        return longitude;
    }

    public boolean active() {
        return active;
    }

    public List<String> allianceIds() {
        return List.copyOf(allianceIds);
    }

    @Override
    public PublishedEvent published() {
        return published;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstitutionEntity that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
