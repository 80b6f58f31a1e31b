package vn.ocop.monitoring.expiry;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.monitoring.rebuild.RebuildResource;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.time.LegalClock;

/** Runs the nightly expiry job on demand: after a missed night, or to catch up a past day. */
@Path("/api/v1/admin/expiry-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations for the people who run the service")
@SecurityRequirement(name = "bearer")
public class ExpiryRunResource {

    /** The day to run as (Vietnam); today when absent. */
    @Schema(name = "ExpiryRunRequest")
    public record ExpiryRunRequest(@Schema(description = "A past day or today, never a future one", example = "2026-11-29")
                                   LocalDate date) {
    }

    @Inject
    ExpiryJob job;

    @Inject
    LegalClock clock;

    @POST
    @RolesAllowed(RebuildResource.OPS_ADMIN)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "runExpiry",
            summary = "Run the certificate expiry job now, as of today or a past day; answers what it announced")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ExpiryRunRequest.class)))
    @APIResponse(responseCode = "200", description = "What this run announced (another run at the same time waits,"
            + " then announces only what is left)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExpiryJob.Result.class)))
    public ExpiryJob.Result run(ExpiryRunRequest request) {
        LocalDate today = clock.today();
        LocalDate date = request == null || request.date() == null ? today : request.date();
        if (date.isAfter(today)) {
            throw ApiException.invalidField("date", "must not be after today (" + today + "): the job only catches up");
        }
        return job.run(date, clock.instant());
    }
}
