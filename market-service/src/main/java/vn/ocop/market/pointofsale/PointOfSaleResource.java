package vn.ocop.market.pointofsale;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/points-of-sale")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Points of sale", description = "Points of introduction and sale of OCOP products")
@SecurityRequirement(name = "bearer")
public class PointOfSaleResource {

    /** The requested new status of a point of sale. */
    public record StatusChange(@NotNull PointOfSaleStatus status) {
    }

    @Inject
    PointOfSaleService points;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "proposePointOfSale", summary = "Propose a point of sale in the caller's province")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PointOfSaleView.class)))
    public Response propose(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                            @NotNull @Valid PointOfSaleRequest request) {
        return idempotency.execute(key, "POST /api/v1/points-of-sale", request, () -> {
            PointOfSaleView created = points.propose(request);
            return Response.created(URI.create("/api/v1/points-of-sale/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Until approved; an approved point is readable by all, except provincial roles of another province: 403 OUT_OF_SCOPE.")
    @Operation(operationId = "getPointOfSale", summary = "Get a point of sale (returns its ETag)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PointOfSaleView.class)))
    public Response get(@PathParam("id") UUID id) {
        PointOfSaleView view = points.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "updatePointOfSale", summary = "Update a point of sale; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PointOfSaleView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid PointOfSaleRequest request) {
        PointOfSaleView view = points.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Until approved; an approved point of another province is 403 OUT_OF_SCOPE.")
    @Operation(operationId = "changePointOfSaleStatus", summary = "Approve, suspend or close a point of sale; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PointOfSaleView.class)))
    public Response changeStatus(@PathParam("id") UUID id,
                                 @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                                 @NotNull @Valid StatusChange change) {
        PointOfSaleView view = points.changeStatus(id, ifMatch, change.status());
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "Points not yet approved are listed only to the officers of their province, central officers and auditors.")
    @Operation(operationId = "listPointsOfSale", summary = "List points of sale")
    public Page<PointOfSaleView> list(@QueryParam("province") String province,
                                      @QueryParam("category") @Parameter(schema = @Schema(implementation = LocationCategory.class)) String category,
                                      @QueryParam("status") @Parameter(schema = @Schema(implementation = PointOfSaleStatus.class)) String status,
                                      @BeanParam PageRequest page) {
        return points.list(province, QueryParams.enumValue(LocationCategory.class, "category", category),
                QueryParams.enumValue(PointOfSaleStatus.class, "status", status), page);
    }
}
