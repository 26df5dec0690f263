package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.GuidanceCatalogueEntryEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.persistence.SpecialtyEntity;
import cn.hunan.mma.platform.security.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the registry for operators. */
@ApplicationScoped
public class RegistryQueries {

    private final Mutiny.SessionFactory sessions;

    public RegistryQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Optional<InstitutionEntity>> institution(String id) {
        return sessions.withSession(session -> session.find(InstitutionEntity.class, id)).map(Optional::ofNullable);
    }

    public Uni<Optional<AllianceEntity>> alliance(String id) {
        return sessions.withSession(session -> session.find(AllianceEntity.class, id)).map(Optional::ofNullable);
    }

    public Uni<Optional<SpecialtyEntity>> specialty(String institutionId, String departmentId) {
        return sessions.withSession(session -> session.find(SpecialtyEntity.class,
                new SpecialtyEntity.Key(institutionId, departmentId))).map(Optional::ofNullable);
    }

    public Uni<Optional<GuidanceCatalogueEntryEntity>> catalogueEntry(String icd10Prefix) {
        return sessions.withSession(session -> session.find(GuidanceCatalogueEntryEntity.class, icd10Prefix))
                .map(Optional::ofNullable);
    }

    /**
     * The page of institutions matching the filter that the scope reaches, ordered by id. Scope is
     * applied in the query (not after paging), so every page is full and counts are right.
     */
    public Uni<List<InstitutionEntity>> institutions(InstitutionFilter filter, Scope scope) {
        List<String> reach = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        scope.province().ifPresent(code -> {
            reach.add("i.divisionCode like :provincePrefix");
            parameters.put("provincePrefix", code.significantPrefix() + "%");
        });
        scope.city().ifPresent(code -> {
            reach.add("i.divisionCode like :cityPrefix");
            parameters.put("cityPrefix", code.significantPrefix() + "%");
        });
        scope.alliance().ifPresent(alliance -> {
            reach.add(":alliance member of i.allianceIds");
            parameters.put("alliance", alliance);
        });
        scope.institution().ifPresent(institution -> {
            reach.add("i.id = :institution");
            parameters.put("institution", institution);
        });
        if (reach.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder query = new StringBuilder("from InstitutionEntity i where (")
                .append(String.join(" or ", reach)).append(')');
        filter.division().ifPresent(code -> {
            query.append(" and i.divisionCode like :divisionPrefix");
            parameters.put("divisionPrefix", code.significantPrefix() + "%");
        });
        filter.level().ifPresent(level -> {
            query.append(" and i.level = :level");
            parameters.put("level", level);
        });
        query.append(" order by i.id");
        return sessions.withSession(session -> {
            Mutiny.SelectionQuery<InstitutionEntity> select =
                    session.createSelectionQuery(query.toString(), InstitutionEntity.class);
            parameters.forEach(select::setParameter);
            return select.setFirstResult(filter.offset()).setMaxResults(filter.size()).getResultList();
        });
    }
}
