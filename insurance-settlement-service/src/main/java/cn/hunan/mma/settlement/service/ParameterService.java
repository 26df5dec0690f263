package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.domain.parameters.AreaParameters;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import cn.hunan.mma.settlement.persistence.AreaParametersEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versions of the pilot areas' settlement rules. The version in force for a division on a date is
 * that of its most specific area (county, then city, then province) with the latest effective date
 * not after it. Versions are immutable, so parsed parameters are cached by version id.
 */
@ApplicationScoped
public class ParameterService {

    private final Mutiny.SessionFactory sessions;
    private final Map<String, AreaParameters> parsed = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> unreadable = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ParameterService(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<List<AreaParametersEntity>> versions(String area) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from AreaParametersEntity where area = :area order by effectiveFrom", AreaParametersEntity.class)
                .setParameter("area", area).getResultList());
    }

    /** Stores a new version; a second version of the same area and date fails on the unique key (409). */
    public Uni<AreaParametersEntity> load(String area, LocalDate effectiveFrom, AreaParameters parameters, String actor) {
        AreaParametersEntity row = new AreaParametersEntity(area, effectiveFrom,
                SettlementJson.text(SettlementJson.parameters(parameters)), actor, clock.instant());
        return sessions.withTransaction((session, tx) -> session.persist(row).chain(session::flush)).replaceWith(row);
    }

    public Uni<ParameterVersion> inForce(DivisionCode division, LocalDate date) {
        return sessions.withSession(session -> inForce(session, division, date));
    }

    /** As {@link #inForce(DivisionCode, LocalDate)}, inside the caller's session (and transaction). */
    public Uni<ParameterVersion> inForce(Mutiny.Session session, DivisionCode division, LocalDate date) {
        return lookup(session, areasOf(division)).map(lookup -> lookup.apply(division, date).orElseThrow(
                () -> new NoParametersInForceException("no settlement parameters are in force for " + division + " on " + date)));
    }

    /** A version by its id (as a budget records the rules it was drafted under); 409 if it is not stored or cannot be read. */
    public Uni<ParameterVersion> version(String versionId) {
        return sessions.withSession(session -> readNew(session, List.of(versionId)).map(read -> {
            if (!parsed.containsKey(versionId) && !unreadable.containsKey(versionId)) {
                throw new NoParametersInForceException("the settlement parameters " + versionId + " are not stored");
            }
            return cached(versionId);
        }));
    }

    /**
     * Every version of the areas the given divisions lie in, read with one query, as a lookup of
     * the version in force for any of those divisions on any date: a batch of discharges needs many
     * (division, date) pairs, which one query each would make the batch's cost. The lookup
     * remembers its answers and is meant for one batch at a time (not thread-safe).
     */
    public Uni<BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>>> lookup(Collection<DivisionCode> divisions) {
        List<String> areas = divisions.stream().flatMap(division -> areasOf(division).stream()).distinct().toList();
        return sessions.withSession(session -> lookup(session, areas));
    }

    // Only the keys, batch after batch: a DIP area's version carries its whole catalogue (thousands of groups),
    // so a version's JSON is read once per process, the first time a lookup meets it.
    private Uni<BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>>> lookup(Mutiny.Session session, List<String> areas) {
        return session.createSelectionQuery(
                        "select versionId, area, effectiveFrom from AreaParametersEntity where area in :areas", Object[].class)
                .setParameter("areas", areas).getResultList()
                .map(rows -> rows.stream().map(row -> new VersionKey((String) row[0], (String) row[1], (LocalDate) row[2])).toList())
                .chain(keys -> readNew(session, keys.stream().map(VersionKey::versionId).toList())
                        .map(read -> chooser(keys, key -> cached(key.versionId()))));
    }

    /** A version's identity and place in the order, without its parameters. */
    public record VersionKey(String versionId, String area, LocalDate effectiveFrom) {
    }

    /**
     * Reads and parses the versions this process has not seen, every one of them (a version no batch chooses must not
     * be read again batch after batch). One that does not parse is remembered as such: it fails only a batch that
     * chooses it.
     */
    private Uni<Void> readNew(Mutiny.Session session, List<String> versionIds) {
        List<String> unseen = versionIds.stream().filter(id -> !parsed.containsKey(id) && !unreadable.containsKey(id)).toList();
        if (unseen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("select versionId, parametersJson from AreaParametersEntity where versionId in :ids",
                        Object[].class)
                .setParameter("ids", unseen).getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    try {
                        parsed.putIfAbsent((String) row[0], SettlementJson.readParameters((String) row[1]));
                    } catch (RuntimeException e) {
                        unreadable.put((String) row[0], e);
                    }
                }))
                .replaceWithVoid();
    }

    private ParameterVersion cached(String versionId) {
        RuntimeException failure = unreadable.get(versionId);
        if (failure != null) {
            throw new UnreadableParametersException(versionId, failure);
        }
        return new ParameterVersion(versionId, parsed.get(versionId));
    }

    /**
     * The version in force for (division, date) among {@code rows}, remembering per division the
     * candidates in order (not thread-safe).
     */
    static BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>> chooser(List<VersionKey> rows,
                                                                                   Function<VersionKey, ParameterVersion> version) {
        // A batch asks for thousands of (division, date) pairs, nearly all distinct across a province's
        // insured areas and half a year of dates: per division the candidate versions are ordered once
        // (most specific area, then latest effective date), and a date takes the first not after it.
        Map<DivisionCode, List<VersionKey>> candidates = new HashMap<>();
        return (division, date) -> {
            for (VersionKey candidate : candidates.computeIfAbsent(division, d -> ordered(rows, d))) {
                if (!candidate.effectiveFrom().isAfter(date)) {
                    // Only the chosen version is handed out: an old version nobody asks for cannot fail a batch.
                    return Optional.of(version.apply(candidate));
                }
            }
            return Optional.empty();
        };
    }

    /** The versions of the division's areas, most specific area first, within an area the latest first. */
    private static List<VersionKey> ordered(List<VersionKey> rows, DivisionCode division) {
        List<String> areas = areasOf(division);
        return rows.stream().filter(row -> areas.contains(row.area()))
                .sorted(Comparator.comparingInt((VersionKey row) -> areas.indexOf(row.area()))
                        .thenComparing(VersionKey::effectiveFrom, Comparator.reverseOrder()))
                .toList();
    }

    /** The areas a division lies in, most specific first: its county, city and province (6-digit codes). */
    static List<String> areasOf(DivisionCode division) {
        String county = division.value().substring(0, 6);
        return List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000").stream().distinct().toList();
    }
}
