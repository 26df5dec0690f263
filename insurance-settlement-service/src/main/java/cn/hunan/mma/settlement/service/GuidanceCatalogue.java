package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The guidance catalogue as settlement needs it: which principal diagnoses are primary-level diseases
 * (基层病种, "paid the same at every level"). The entry with the longest ICD-10 prefix covering a
 * diagnosis decides, so a catalogue can name a category primary-level and carve a subcategory out.
 * The latest stated wins, as for institutions: an entry stated earlier and delivered later is ignored.
 */
@ApplicationScoped
public class GuidanceCatalogue {

    private static final String REMEMBER = "INSERT INTO guidance_catalogue (icd10_prefix, lowest_inpatient_level, "
            + "primary_level_disease, catalogue_version, event_id, occurred_at) VALUES ($1, $2, $3, $4, $5, $6) "
            + "ON CONFLICT (icd10_prefix) DO UPDATE SET lowest_inpatient_level = excluded.lowest_inpatient_level, "
            + "primary_level_disease = excluded.primary_level_disease, catalogue_version = excluded.catalogue_version, "
            + "event_id = excluded.event_id, occurred_at = excluded.occurred_at "
            // An entry stated before the stored one, delivered late (a replay), does not turn it back.
            + "WHERE guidance_catalogue.occurred_at <= excluded.occurred_at";
    // Every prefix of each diagnosis is looked up by the primary key; the longest one found decides.
    static final String PRIMARY_LEVEL = "SELECT d FROM (SELECT DISTINCT ON (d) d, g.primary_level_disease AS primary_level "
            + "FROM unnest($1::text[]) AS d JOIN guidance_catalogue g "
            + "ON g.icd10_prefix = ANY (SELECT left(d, n) FROM generate_series(1, length(d)) AS n) "
            + "ORDER BY d, length(g.icd10_prefix) DESC) AS decided WHERE primary_level";

    private final Pool pool;

    public GuidanceCatalogue(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> remember(GuidanceCatalogueEntry entry) {
        return pool.preparedQuery(REMEMBER).execute(Tuple.of(entry.icd10Prefix().value(), entry.lowestInpatientLevel().name(),
                        entry.primaryLevelDisease(), entry.catalogueVersion(), entry.eventId().asUuid(),
                        OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Which of {@code diagnoses} (ICD-10 codes) are primary-level diseases, on the caller's connection. */
    static Uni<Set<String>> primaryLevel(SqlConnection connection, String[] diagnoses) {
        return connection.preparedQuery(PRIMARY_LEVEL).execute(Tuple.of((Object) diagnoses)).map(rows -> {
            Set<String> primary = new HashSet<>();
            rows.forEach(row -> primary.add(row.getString(0)));
            return primary;
        });
    }
}
