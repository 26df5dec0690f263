package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.navigation.registry.domain.ImportReport;
import cn.hunan.mma.navigation.registry.domain.ImportTally;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import cn.hunan.mma.navigation.registry.domain.RegistryChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports a matrix directory into the registry: institutions first (everything else refers to
 * them), then alliances and specialties, whose institutions must be in this import or already
 * registered (alliances are held to the operator API's alliance rules too), then the guidance
 * catalogue. Rows refused by a rule, or by the database, are reported and skipped; the rest load.
 * Importing the same directory again changes and publishes nothing.
 */
@ApplicationScoped
public class RegistryImporter {

    private final SnapshotUpserter upserter;
    private final Vertx vertx;
    private final Event<RegistryChanged> changed;
    private final MatrixFileReader reader = new MatrixFileReader(ContractCodec.standard());
    private final InstitutionCsvReader csvReader = new InstitutionCsvReader(Clock.systemUTC());
    // One import at a time in this instance; the relay already limits the service to one
    // writing instance (see platform-common's outbox notes), so this guards the whole registry.
    private final AtomicBoolean importing = new AtomicBoolean();

    public RegistryImporter(SnapshotUpserter upserter, Vertx vertx, Event<RegistryChanged> changed) {
        this.changed = changed;
        this.upserter = upserter;
        this.vertx = vertx;
    }

    /**
     * Fails with {@link MatrixDirectoryNotFoundException} when {@code directory} is not a directory,
     * with {@link ImportInProgressException} while another import runs, and with {@link ImportInterruptedException}
     * when the database is out of reach or failed the work for a reason that is not a row's.
     */
    public Uni<ImportReport> importDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Uni.createFrom().failure(new MatrixDirectoryNotFoundException(directory));
        }
        // Deferred: the guard is taken when the import is subscribed to, and always released.
        return Uni.createFrom().deferred(() -> importing.compareAndSet(false, true)
                ? readAndLoad(directory).eventually(() -> {
                    importing.set(false);
                    // Batches may have committed even if the database failed a later one. The import answers
                    // once snapshot holders have taken the change in, so recommendations show it at once.
                    return Uni.createFrom().completionStage(() -> changed.fireAsync(new RegistryChanged()));
                })
                : Uni.createFrom().failure(new ImportInProgressException()));
    }

    private Uni<ImportReport> readAndLoad(Path directory) {
        // Reading files blocks: do it on a worker, and continue on this (Vert.x) context,
        // where Hibernate Reactive must run.
        return vertx.executeBlocking(Uni.createFrom().item(() -> MatrixDirectoryContent.read(reader, csvReader, directory)))
                .chain(content -> load(content)
                        // Only the database's failures: a file that cannot be read is no outage.
                        .onFailure(DatabaseError::isOutage).transform(ImportInterruptedException::new));
    }

    private Uni<ImportReport> load(MatrixDirectoryContent content) {
        ImportTally tally = new ImportTally();
        content.rejectedOnReading().forEach(tally::reject);

        List<NumberedSnapshot<InstitutionSnapshot>> institutions = placeable(content.institutionFileName(), content.institutions(), tally);

        // Alliances and specialties are judged once this import's institutions are written: the registry then holds them
        // where this import put them (or where they stood, when it refused their line), and those registered before as
        // they are. Institutions and alliances are locked and judged inside each batch's transaction (their guards), in
        // the order operators' edits lock them: an edit racing with the import either commits first and is seen, or waits.
        // An institution line is judged against the live alliances this import does not restate; those it restates are
        // judged by their own lines, after the institutions (ImportScope). Specialties are judged in their batches too,
        // their institutions share-locked: a retirement racing with the import commits before (the line is refused) or after.
        ImportScope scope = new ImportScope(content.alliances().stream().map(NumberedSnapshot::snapshot).toList());
        return upserter.upsertAll(RegistryTable.INSTITUTIONS, institutions, new InstitutionBatchGuard(scope), tally)
                .chain(() -> upserter.upsertAll(RegistryTable.ALLIANCES, content.alliances(), new AllianceBatchGuard(scope), tally))
                .chain(() -> upserter.upsertAll(RegistryTable.SPECIALTIES, content.specialties(), new SpecialtyBatchGuard(), tally))
                .chain(() -> upserter.upsertAll(RegistryTable.GUIDANCE_CATALOGUE, content.guidance(), tally))
                .map(done -> tally.report());
    }

    private static List<NumberedSnapshot<InstitutionSnapshot>> placeable(
            String fileName, List<NumberedSnapshot<InstitutionSnapshot>> rows, ImportTally tally) {
        List<NumberedSnapshot<InstitutionSnapshot>> accepted = new ArrayList<>();
        for (NumberedSnapshot<InstitutionSnapshot> row : rows) {
            // The same rules as operators' edits: placement in Hunan, level consistent with the division.
            MatrixRules.institutionProblem(row.snapshot()).ifPresentOrElse(
                    violation -> tally.reject(new RejectedRow(fileName, row.line(),
                            violation.reason(), "$." + violation.field() + ": " + violation.detail())),
                    () -> accepted.add(row));
        }
        return accepted;
    }
}
