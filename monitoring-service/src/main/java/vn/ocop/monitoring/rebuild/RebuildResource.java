package vn.ocop.monitoring.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ocop.platform.security.ScopeRule;

@Path("/api/v1/admin/projections/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations for the people who run the service")
@SecurityRequirement(name = "bearer")
public class RebuildResource {

    /**
     * The operators of the platform (not a programme role): only they may empty and refill the projections. Kept here
     * until the platform's role list has an operations role.
     */
    public static final String OPS_ADMIN = "ops-admin";

    @Inject
    ProjectionRebuild rebuild;

    @POST
    @RolesAllowed(OPS_ADMIN)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "rebuildProjections",
            summary = "Empty the event-fed tables and re-read the consumed topics (and this service's own) from the earliest offset")
    @APIResponse(responseCode = "200", description = "What the rebuild read and applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rebuilt", value = """
                    {"readByTopic":{"ocop.registry.events":1520,"ocop.evaluation.events":610,"ocop.market.events":88,
                     "ocop.monitoring.events":230},"applied":2300,"duplicates":12,"ignored":130,"rejected":6,
                     "startedAt":"2026-11-29T21:00:00Z","finishedAt":"2026-11-29T21:00:04Z"}""")))
    @APIResponse(responseCode = "409", description = "A rebuild is already running (REBUILD_RUNNING)")
    public ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
