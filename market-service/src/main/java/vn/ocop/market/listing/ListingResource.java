package vn.ocop.market.listing;

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

@Path("/api/v1/listings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Listings", description = "Certified products on sales channels and at points of sale")
@SecurityRequirement(name = "bearer")
public class ListingResource {

    @Inject
    ListingService listings;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER, Roles.CHANNEL_OPERATOR})
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A point of sale not yet approved named in the body answers 404 like a missing one.")
    @Operation(operationId = "createListing",
            summary = "List a product with an active certificate on a channel or at a point of sale (422 NO_ACTIVE_CERTIFICATE otherwise)")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "404", description = "No product, channel or point of sale with that id")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                           @NotNull @Valid ListingRequest request) {
        return idempotency.execute(key, "POST /api/v1/listings", request, () -> {
            ListingView created = listings.create(request);
            return Response.created(URI.create("/api/v1/listings/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A listing is seen by the officers of its province, its producer and the operator of its channel or point of sale.")
    @Operation(operationId = "getListing", summary = "Get a listing with its certificate's stars and number")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response get(@PathParam("id") UUID id) {
        ListingView view = listings.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER, Roles.CHANNEL_OPERATOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "updateListing", summary = "Change price, SKU or URL; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid ListingUpdate request) {
        ListingView view = listings.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CHANNEL_OPERATOR)
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "acknowledgeListingSuspension", summary = "The outlet's operator confirms a suspension was applied")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response acknowledge(@PathParam("id") UUID id,
                                @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key) {
        return idempotency.execute(key, "POST /api/v1/listings/" + id + "/acknowledge", id.toString(), () -> {
            ListingView view = listings.acknowledge(id);
            return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
        });
    }

    @POST
    @Path("/{id}/reinstate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER, Roles.CHANNEL_OPERATOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "reinstateListing", summary = "Put a suspended listing back once the product has a new active certificate")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response reinstate(@PathParam("id") UUID id,
                              @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key) {
        return idempotency.execute(key, "POST /api/v1/listings/" + id + "/reinstate", id.toString(), () -> {
            ListingView view = listings.reinstate(id);
            return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
        });
    }

    @GET
    @Authenticated
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listListings", summary = "List the listings visible to the caller")
    public Page<ListingView> list(@QueryParam("product") String product,
                                  @QueryParam("outlet") @Parameter(description = "A channel or point-of-sale id") String outlet,
                                  @QueryParam("status") @Parameter(schema = @Schema(implementation = ListingStatus.class)) String status,
                                  @QueryParam("province") String province,
                                  @BeanParam PageRequest page) {
        return listings.list(QueryParams.uuidValue("product", product), QueryParams.uuidValue("outlet", outlet),
                QueryParams.enumValue(ListingStatus.class, "status", status), province, page);
    }

    @GET
    @Path("/escalations")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listListingEscalations",
            summary = "Suspended listings whose operator has not acknowledged within the deadline")
    public Page<ListingView> escalations(@QueryParam("province") String province, @BeanParam PageRequest page) {
        return listings.escalations(province, page);
    }
}
