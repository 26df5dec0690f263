package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.navigation.registry.domain.ImportReport;
import cn.hunan.mma.navigation.registry.service.ImportInProgressException;
import cn.hunan.mma.navigation.registry.service.ImportInterruptedException;
import cn.hunan.mma.navigation.registry.service.MatrixDirectoryNotFoundException;
import cn.hunan.mma.navigation.registry.service.RegistryImporter;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.file.InvalidPathException;

/** Loads a matrix directory into the registry; the province alone maintains the matrix. */
@Path("/api/v1/registry/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistryImportResource {

    private static final Logger LOG = Logger.getLogger(RegistryImportResource.class);
    private static final int RETRY_AFTER_SECONDS = 10;

    private final RegistryImporter importer;

    public RegistryImportResource(RegistryImporter importer) {
        this.importer = importer;
    }

    @POST
    @RolesAllowed(Role.PROVINCE_ADMIN_NAME)
    public Uni<ImportReport> importMatrix(ImportRequest request) {
        if (request == null || request.directory() == null) {
            throw ContractViolation.missing("directory");
        }
        if (request.directory().isBlank()) {
            throw ContractViolation.invalid("directory", "directory must be the path of a matrix directory");
        }
        // Fully qualified: JAX-RS's @Path is imported here.
        java.nio.file.Path directory;
        try {
            directory = java.nio.file.Path.of(request.directory());
        } catch (InvalidPathException e) {
            throw ContractViolation.invalid("directory", "directory must be a valid path");
        }
        return importer.importDirectory(directory);
    }

    @ServerExceptionMapper
    public Response noSuchDirectory(MatrixDirectoryNotFoundException e) {
        return ProblemResponses.of(Problem.of(400, "Unknown matrix directory", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response importRunning(ImportInProgressException e) {
        return ProblemResponses.of(Problem.of(409, "Import in progress", e.getMessage()));
    }

    /** Nothing the caller sent is wrong, and nothing is lost: the same request later completes the import. */
    @ServerExceptionMapper
    public Response importInterrupted(ImportInterruptedException e) {
        LOG.warn("An import was interrupted by the database", e);
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
