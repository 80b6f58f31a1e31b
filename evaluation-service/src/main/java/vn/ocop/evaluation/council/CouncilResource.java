package vn.ocop.evaluation.council;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;

@Path("/api/v1/councils")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Councils", description = "Evaluation councils (hội đồng), members and conflict-of-interest declarations")
@SecurityRequirement(name = "bearer")
public class CouncilResource {

    @Inject
    CouncilService councils;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "createCouncil", summary = "Set up a council (province officers: their province's)")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CouncilView.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @NotNull CouncilRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/councils", request, () -> {
            CouncilView created = councils.create(request);
            return Response.created(URI.create("/api/v1/councils/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A council member sees only the councils it sits on; provincial roles those of their province.")
    @Operation(operationId = "getCouncil", summary = "Get a council (returns its ETag for updates)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CouncilView.class)))
    public Response get(@PathParam("id") UUID id) {
        CouncilView view = councils.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "updateCouncil", summary = "Replace a council's name, quorum and members; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CouncilView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull CouncilRequest request) {
        CouncilView view = councils.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A council member sees only the councils it sits on.")
    @Operation(operationId = "listCouncils", summary = "List councils visible to the caller")
    public Page<CouncilView> list(@QueryParam("province") String province, @BeanParam PageRequest page) {
        return councils.list(province, page);
    }

    @POST
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.COUNCIL_MEMBER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "declareConflict", summary = "Declare a member's conflict of interest with a producer")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConflictRequest.View.class)))
    public Response declareConflict(@PathParam("id") UUID id,
                                    @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                    @NotNull ConflictRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/councils/" + id + "/conflicts", request,
                () -> Response.status(201).entity(councils.declareConflict(id, request)).build());
    }

    @GET
    @Path("/{id}/conflicts")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "listConflicts", summary = "List a council's conflict-of-interest declarations")
    public Page<ConflictRequest.View> conflicts(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return councils.conflicts(id, page);
    }
}
