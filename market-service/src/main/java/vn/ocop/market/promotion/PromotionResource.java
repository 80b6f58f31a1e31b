package vn.ocop.market.promotion;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promotions", description = "Fairs, OCOP weeks and livestream sales (Chợ phiên OCOP) with certified products")
@SecurityRequirement(name = "bearer")
public class PromotionResource {

    /** A product to add to a promotion. */
    public record Participation(@NotNull UUID productId) {
    }

    @Inject
    PromotionService promotions;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "Only central officers organise national promotions.")
    @Operation(operationId = "createPromotion", summary = "Create a promotion event (national: central office; provincial: its officers)")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionView.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                           @NotNull @Valid PromotionRequest request) {
        return idempotency.execute(key, "POST /api/v1/promotions", request, () -> {
            PromotionView created = promotions.create(request);
            return Response.created(URI.create("/api/v1/promotions/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "National promotions are readable by all.")
    @Operation(operationId = "getPromotion", summary = "Get a promotion with its participating products")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionView.class)))
    public Response get(@PathParam("id") UUID id) {
        PromotionView view = promotions.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "updatePromotion", summary = "Update a promotion; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid PromotionRequest request) {
        PromotionView view = promotions.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @POST
    @Path("/{id}/products")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "addPromotionProduct", summary = "Add a certified product (422 NO_ACTIVE_CERTIFICATE otherwise)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionView.class)))
    public Response addProduct(@PathParam("id") UUID id,
                               @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                               @NotNull @Valid Participation participation) {
        return idempotency.execute(key, "POST /api/v1/promotions/" + id + "/products", participation, () -> {
            PromotionView view = promotions.addProduct(id, participation.productId());
            return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
        });
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "National promotions are listed to all.")
    @Operation(operationId = "listPromotions", summary = "List promotions")
    public Page<PromotionView> list(@QueryParam("province") String province,
                                    @QueryParam("kind") @Parameter(schema = @Schema(implementation = PromotionKind.class)) String kind,
                                    @QueryParam("endsOnOrAfter") @Parameter(description = "Only events still running on this date") String day,
                                    @BeanParam PageRequest page) {
        LocalDate onOrAfter = null;
        if (day != null && !day.isBlank()) {
            try {
                onOrAfter = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField("endsOnOrAfter", "must be a date YYYY-MM-DD");
            }
        }
        return promotions.list(province, QueryParams.enumValue(PromotionKind.class, "kind", kind), onOrAfter, page);
    }
}
