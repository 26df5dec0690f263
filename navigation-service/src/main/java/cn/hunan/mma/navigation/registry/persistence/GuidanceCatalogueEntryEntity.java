package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** The lowest inpatient level for diagnoses under one ICD-10 prefix, as last imported. */
@Entity
@Table(name = "guidance_catalogue_entry")
public class GuidanceCatalogueEntryEntity implements RegistryRow<GuidanceCatalogueEntry> {

    @Id
    @Column(name = "icd10_prefix")
    String icd10Prefix;

    @Enumerated(EnumType.STRING)
    @Column(name = "lowest_inpatient_level", nullable = false)
    Level lowestInpatientLevel;

    @Column(name = "primary_level_disease", nullable = false)
    boolean primaryLevelDisease;

    @Column(name = "catalogue_version", nullable = false)
    String catalogueVersion;

    @Embedded
    PublishedEvent published;

    protected GuidanceCatalogueEntryEntity() {
    }

    public static GuidanceCatalogueEntryEntity from(GuidanceCatalogueEntry entry) {
        GuidanceCatalogueEntryEntity entity = new GuidanceCatalogueEntryEntity();
        entity.icd10Prefix = entry.icd10Prefix().value();
        entity.apply(entry);
        return entity;
    }

    @Override
    public boolean holds(GuidanceCatalogueEntry entry) {
        return lowestInpatientLevel == entry.lowestInpatientLevel()
                && primaryLevelDisease == entry.primaryLevelDisease()
                && catalogueVersion.equals(entry.catalogueVersion());
    }

    @Override
    public void apply(GuidanceCatalogueEntry entry) {
        lowestInpatientLevel = entry.lowestInpatientLevel();
        primaryLevelDisease = entry.primaryLevelDisease();
        catalogueVersion = entry.catalogueVersion();
        published = PublishedEvent.of(entry);
    }

    @Override
    public PublishedEvent published() {
        return published;
    }

    @Override
    public Object registryKey() {
        return icd10Prefix;
    }

    public String icd10Prefix() {
        return icd10Prefix;
    }

    public Level lowestInpatientLevel() {
        return lowestInpatientLevel;
    }

    public boolean primaryLevelDisease() {
        return primaryLevelDisease;
    }

    public String catalogueVersion() {
        return catalogueVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuidanceCatalogueEntryEntity that && Objects.equals(icd10Prefix, that.icd10Prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(icd10Prefix);
    }
}
