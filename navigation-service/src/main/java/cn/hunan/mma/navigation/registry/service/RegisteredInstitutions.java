package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.value.InstitutionId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where some institutions stand in the registry, for the importer's checks of the rows that name them: as registered
 * by earlier imports and operators, and by this import's institutions, which are written before anything refers to them.
 */
@ApplicationScoped
public class RegisteredInstitutions {

    // Keeps each IN list well under PostgreSQL's 65,535 bind parameters.
    private static final int CHUNK = 1_000;

    private final Mutiny.SessionFactory sessions;

    public RegisteredInstitutions(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The registered ones among the candidates, with their level, division and whether they are retired. */
    Uni<AllianceReferences.Placements> placements(Set<InstitutionId> candidates) {
        List<InstitutionId> ids = List.copyOf(candidates);
        List<List<InstitutionId>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> sessions.withSession(session -> AllianceReferences.placements(session, chunk)))
                .collect().in(() -> new AllianceReferences.Placements(new HashMap<>(), new HashSet<>()), (all, chunk) -> {
                    all.placed().putAll(chunk.placed());
                    all.retired().addAll(chunk.retired());
                });
    }
}
