package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.navigation.registry.domain.MatrixFile;

import java.util.function.Function;

/**
 * Ties one kind of matrix snapshot to its file, its registry table and the topic it is published
 * on, so the import handles all four kinds with one piece of code.
 *
 * @param primaryKey the entity id of the row a snapshot belongs to (also its identity within a file)
 */
public record RegistryTable<S extends MatrixSnapshot, E extends RegistryRow<S>>(
        MatrixFile file,
        Class<S> snapshotType,
        Topic<?, S> topic,
        Class<E> entityType,
        Function<S, Object> primaryKey,
        Function<S, E> newRow) {

    public static final RegistryTable<InstitutionSnapshot, InstitutionEntity> INSTITUTIONS = new RegistryTable<>(
            MatrixFile.INSTITUTIONS, InstitutionSnapshot.class, Topics.INSTITUTIONS, InstitutionEntity.class,
            snapshot -> snapshot.institutionId().value(), InstitutionEntity::from);

    public static final RegistryTable<AllianceSnapshot, AllianceEntity> ALLIANCES = new RegistryTable<>(
            MatrixFile.ALLIANCES, AllianceSnapshot.class, Topics.ALLIANCES, AllianceEntity.class,
            snapshot -> snapshot.allianceId().value(), AllianceEntity::from);

    public static final RegistryTable<SpecialtySnapshot, SpecialtyEntity> SPECIALTIES = new RegistryTable<>(
            MatrixFile.SPECIALTIES, SpecialtySnapshot.class, Topics.SPECIALTIES, SpecialtyEntity.class,
            SpecialtyEntity.Key::of, SpecialtyEntity::from);

    public static final RegistryTable<GuidanceCatalogueEntry, GuidanceCatalogueEntryEntity> GUIDANCE_CATALOGUE =
            new RegistryTable<>(MatrixFile.GUIDANCE_CATALOGUE, GuidanceCatalogueEntry.class, Topics.GUIDANCE_CATALOGUE,
                    GuidanceCatalogueEntryEntity.class, entry -> entry.icd10Prefix().value(),
                    GuidanceCatalogueEntryEntity::from);
}
