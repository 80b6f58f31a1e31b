package vn.ocop.evaluation.criteria;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets", description = "Versioned score sheets (bộ tiêu chí) per decision and product set")
@SecurityRequirement(name = "bearer")
public class CriteriaSetResource {

    @Inject
    CriteriaSetService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentUser user;

    @GET
    @Authenticated
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "listCriteriaSets", summary = "List criteria set versions")
    public Page<CriteriaSetSummary> list(@QueryParam("productSet") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "26"), description = "Product set 1–26") String productSet,
                                         @QueryParam("inForceOn") @Parameter(description = "Only versions in force on this day (yyyy-MM-dd)") String inForceOn,
                                         @BeanParam PageRequest page) {
        return service.list(QueryParams.intValue("productSet", productSet, 1, 26), QueryParams.dateValue("inForceOn", inForceOn), page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getCriteriaSet", summary = "Get a criteria set version with its parts, groups, criteria and options")
    public CriteriaSet get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "publishCriteriaSet", summary = "Publish a new criteria set version (immutable once published)")
    @APIResponse(responseCode = "201", description = "Published; Location names the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaSet.class)))
    @APIResponse(responseCode = "200", description = "Already published with identical content (a safe retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaSet.class)))
    public Response publish(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                            @NotNull CriteriaSet set) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/criteria-sets", set, () -> {
            CriteriaSetService.Published published = service.publish(set, user.actor());
            return (published.created() ? Response.created(URI.create("/api/v1/criteria-sets/" + set.id())) : Response.ok())
                    .entity(published.set()).build();
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "changeCriteriaSet", summary = "Always refused: published versions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always: a published criteria set version is immutable; publish a new version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-always-refused", value = "true", parseValue = true)
    public Response change(@PathParam("id") String id) {
        CriteriaSetService.load(id);
        throw CriteriaSetService.immutable(id);
    }
}
