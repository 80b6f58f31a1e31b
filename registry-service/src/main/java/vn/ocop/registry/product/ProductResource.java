package vn.ocop.registry.product;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "OCOP products and their product codes")
@SecurityRequirement(name = "bearer")
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @Operation(operationId = "registerProduct", summary = "Register a product of a producer; assigns its product code")
    @APIResponse(responseCode = "201", description = "Registered with its product code; Location names it, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The GTIN already belongs to another product (GTIN_TAKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                             @NotNull @Valid ProductRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/products", request, () -> {
            ProductView created = products.register(request);
            return Response.created(URI.create("/api/v1/products/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getProduct", summary = "Get a product")
    @APIResponse(responseCode = "200", description = "The product with its certification; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    public Response get(@PathParam("id") UUID id) {
        ProductView view = products.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProducts", summary = "List products visible to the caller")
    public Page<ProductView> list(@QueryParam("producerId") UUID producerId,
                                  @QueryParam("province") String province,
                                  @QueryParam("productSet") @Parameter(description = "1..26") String productSet,
                                  @BeanParam PageRequest page) {
        return products.list(producerId, province, QueryParams.intValue("productSet", productSet, 1, 26), page);
    }
}
