package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.navigation.registry.persistence.GuidanceCatalogueEntryEntity;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Operators' statements of guidance-catalogue entries. The catalogue is provincial (one edition
 * for all of Hunan), so only a caller whose scope is the whole province may change it; the
 * endpoint admits province admins only, and this check keeps a province admin scoped narrower out.
 */
@ApplicationScoped
public class CatalogueEditing {

    private static final Jurisdiction HUNAN = Jurisdiction.ofDivision(DivisionCode.of("430000"));

    private final RegistryWrites writes;

    public CatalogueEditing(RegistryWrites writes) {
        this.writes = writes;
    }

    /** Creates (no version) or revises (the current version, or any with {@code *}) the entry; the entry carries the new event. */
    public Uni<RegistryWrites.Put<GuidanceCatalogueEntryEntity>> put(GuidanceCatalogueEntry entry, Optional<ExpectedVersion> expectedVersion,
                                                                     Caller caller) {
        String what = "guidance-catalogue entry " + entry.icd10Prefix().value();
        AccessPolicy.requireChange(caller, HUNAN, "the provincial guidance catalogue");
        return writes.transaction(session -> writes.put(session, RegistryTable.GUIDANCE_CATALOGUE, entry, expectedVersion, what), what);
    }
}
