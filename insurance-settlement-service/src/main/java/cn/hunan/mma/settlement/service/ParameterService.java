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
        List<String> areas = areasOf(division);
        return session.createSelectionQuery(
                        "from AreaParametersEntity where area in :areas and effectiveFrom <= :date", AreaParametersEntity.class)
                .setParameter("areas", areas).setParameter("date", date).getResultList()
                .map(rows -> choose(rows, division, date).orElseThrow(() -> new NoParametersInForceException(
                        "no settlement parameters are in force for " + division + " on " + date)));
    }

    /**
     * Every version of the areas the given divisions lie in, read with one query, as a lookup of
     * the version in force for any of those divisions on any date: a batch of discharges needs many
     * (division, date) pairs, which one query each would make the batch's cost. The lookup
     * remembers its answers and is meant for one batch at a time (not thread-safe).
     */
    public Uni<BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>>> lookup(Collection<DivisionCode> divisions) {
        List<String> areas = divisions.stream().flatMap(division -> areasOf(division).stream()).distinct().toList();
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from AreaParametersEntity where area in :areas", AreaParametersEntity.class)
                .setParameter("areas", areas).getResultList())
                .map(rows -> chooser(rows, this::version));
    }

    /**
     * The version in force for (division, date) among {@code rows}, remembering per division the
     * candidates in order (not thread-safe).
     */
    static BiFunction<DivisionCode, LocalDate, Optional<ParameterVersion>> chooser(List<AreaParametersEntity> rows,
                                                                                   Function<AreaParametersEntity, ParameterVersion> version) {
        // A batch asks for thousands of (division, date) pairs, nearly all distinct across a province's
        // insured areas and half a year of dates: per division the candidate versions are ordered once
        // (most specific area, then latest effective date), and a date takes the first not after it.
        Map<DivisionCode, List<AreaParametersEntity>> candidates = new HashMap<>();
        return (division, date) -> {
            for (AreaParametersEntity candidate : candidates.computeIfAbsent(division, d -> ordered(rows, d))) {
                if (!candidate.effectiveFrom().isAfter(date)) {
                    // Only the chosen version is parsed: an old version nobody is asked for cannot fail a batch.
                    return Optional.of(version.apply(candidate));
                }
            }
            return Optional.empty();
        };
    }

    /** The most specific area's latest version effective on the date. */
    private Optional<ParameterVersion> choose(List<AreaParametersEntity> rows, DivisionCode division, LocalDate date) {
        List<String> areas = areasOf(division);
        return rows.stream()
                .filter(row -> areas.contains(row.area()) && !row.effectiveFrom().isAfter(date))
                .min(order(areas))
                .map(this::version);
    }

    /** The versions of the division's areas, most specific area first, within an area the latest first. */
    private static List<AreaParametersEntity> ordered(List<AreaParametersEntity> rows, DivisionCode division) {
        List<String> areas = areasOf(division);
        return rows.stream().filter(row -> areas.contains(row.area())).sorted(order(areas)).toList();
    }

    private static Comparator<AreaParametersEntity> order(List<String> areas) {
        return Comparator.comparingInt((AreaParametersEntity row) -> areas.indexOf(row.area()))
                .thenComparing(AreaParametersEntity::effectiveFrom, Comparator.reverseOrder());
    }

    private ParameterVersion version(AreaParametersEntity row) {
        return new ParameterVersion(row.versionId(),
                parsed.computeIfAbsent(row.versionId(), id -> SettlementJson.readParameters(row.parametersJson())));
    }

    /** The areas a division lies in, most specific first: its county, city and province (6-digit codes). */
    static List<String> areasOf(DivisionCode division) {
        String county = division.value().substring(0, 6);
        return List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000").stream().distinct().toList();
    }
}
