package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A department of an institution with its recognition, as last imported. */
@Entity
@Table(name = "specialty")
@IdClass(SpecialtyEntity.Key.class)
public class SpecialtyEntity implements RegistryRow<SpecialtySnapshot> {

    /** Department ids are unique only within their institution. */
    public record Key(String institutionId, String departmentId) implements Serializable {

        public static Key of(SpecialtySnapshot snapshot) {
            return new Key(snapshot.institutionId().value(), snapshot.departmentId().value());
        }
    }

    @Id
    @Column(name = "institution_id")
    String institutionId;

    @Id
    @Column(name = "department_id")
    String departmentId;

    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "tag", nullable = false)
    SpecialtyTag tag;

    @Embedded
    PublishedEvent published;

    protected SpecialtyEntity() {
    }

    public static SpecialtyEntity from(SpecialtySnapshot snapshot) {
        SpecialtyEntity entity = new SpecialtyEntity();
        entity.institutionId = snapshot.institutionId().value();
        entity.departmentId = snapshot.departmentId().value();
        entity.apply(snapshot);
        return entity;
    }

    @Override
    public boolean holds(SpecialtySnapshot snapshot) {
        return name.equals(snapshot.name()) && tag == snapshot.tag();
    }

    @Override
    public void apply(SpecialtySnapshot snapshot) {
        name = snapshot.name();
        tag = snapshot.tag();
        published = PublishedEvent.of(snapshot);
    }

    @Override
    public PublishedEvent published() {
        return published;
    }

    @Override
    public Object registryKey() {
        return new Key(institutionId, departmentId);
    }

    public String institutionId() {
        return institutionId;
    }

    public String departmentId() {
        return departmentId;
    }

    public String name() {
        return name;
    }

    public SpecialtyTag tag() {
        return tag;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecialtyEntity that
                && Objects.equals(institutionId, that.institutionId) && Objects.equals(departmentId, that.departmentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(institutionId, departmentId);
    }
}
