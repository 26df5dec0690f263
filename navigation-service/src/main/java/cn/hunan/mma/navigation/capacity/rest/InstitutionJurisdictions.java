package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.service.RegistryJurisdictions;
import cn.hunan.mma.navigation.registry.service.RegistryQueries;
import cn.hunan.mma.platform.security.Jurisdiction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * Where an institution sits, for deciding who may see its capacity. The registry knows best
 * (division and alliances). Hospitals may report capacity before the matrix is imported, so an
 * institution the registry does not know yet is placed by the county code its id starts with
 * (ids are issued as {@code <6-digit division><type><serial>}, e.g. 430321H0001): province and
 * city scopes then reach it, alliance scopes do not until it is registered.
 */
@ApplicationScoped
public class InstitutionJurisdictions {

    private static final int DIVISION_PREFIX_LENGTH = 6;

    private final RegistryQueries registry;

    public InstitutionJurisdictions(RegistryQueries registry) {
        this.registry = registry;
    }

    /** Empty when neither the registry nor the id says where the institution is. */
    public Uni<Optional<Jurisdiction>> of(InstitutionId institution) {
        return registry.institution(institution.value()).map(registered -> registered
                .map(RegistryJurisdictions::of)
                .or(() -> fromIdPrefix(institution)));
    }

    static Optional<Jurisdiction> fromIdPrefix(InstitutionId institution) {
        String id = institution.value();
        if (id.length() <= DIVISION_PREFIX_LENGTH) {
            return Optional.empty();
        }
        try {
            DivisionCode division = DivisionCode.of(id.substring(0, DIVISION_PREFIX_LENGTH));
            return Optional.of(Jurisdiction.ofInstitution(id, division, Set.of()));
        } catch (ContractViolation notADivision) {
            return Optional.empty();
        }
    }
}
