package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.value.InstitutionId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which of some institution ids the registry already holds (from earlier imports). */
@ApplicationScoped
public class RegisteredInstitutions {

    // Keeps each IN list well under PostgreSQL's 65,535 bind parameters.
    private static final int CHUNK = 1_000;

    private final Mutiny.SessionFactory sessions;

    public RegisteredInstitutions(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Set<InstitutionId>> amongst(Set<InstitutionId> candidates) {
        List<String> ids = candidates.stream().map(InstitutionId::value).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(this::registered)
                .collect().in(HashSet<InstitutionId>::new, (found, chunk) -> chunk.forEach(id -> found.add(InstitutionId.of(id))))
                .map(Set::copyOf);
    }

    private Uni<List<String>> registered(List<String> ids) {
        return sessions.withSession(session -> session
                .createSelectionQuery("select i.id from InstitutionEntity i where i.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList());
    }
}
