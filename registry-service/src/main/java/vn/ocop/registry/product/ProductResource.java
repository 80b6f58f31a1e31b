package vn.ocop.registry.product;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.MergePatch;
import vn.ocop.platform.web.QueryParams;
import vn.ocop.platform.web.ValidateAfterScope;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "OCOP products and their product codes")
@SecurityRequirement(name = "bearer")
public class ProductResource {

    @Inject
    ProductService products;

    /** Who may correct what, for the operations' descriptions. */
    static final String CORRECTION_RULES = "The product keeps its producer (422 PRODUCER_NOT_CHANGEABLE) and its product code, "
            + "even when moved. A producer corrects its own products but may not move one to another commune "
            + "(403 AREA_CHANGE_FORBIDDEN); an officer of its province (or a central officer) may, giving a reason "
            + "(422 REASON_REQUIRED without one). Roles: producer (own products), province-officer (own province), "
            + "central-officer. 428 without If-Match, 412 when it is stale.";

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentUser user;

    @Inject
    MergePatch mergePatch;

    /** Bodies are validated after the scope check, so a 400 tells an outsider nothing about the record. */
    @Inject
    ValidateAfterScope validate;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "registerProduct", summary = "Register a product of a producer; assigns its product code")
    @APIResponse(responseCode = "201", description = "Registered with its product code; Location names it, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The GTIN already belongs to another product (GTIN_TAKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                             @NotNull ProductRequest request) {
        products.requireMayRegister(request, user.asActor());
        validate.check(request);
        return idempotency.execute(idempotencyKey, "POST /api/v1/products", request, () -> {
            ProductView created = products.register(request, null, user.asActor()).view();
            return Response.created(URI.create("/api/v1/products/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only its own products, provincial roles those of their province; council members and channel operators read all.")
    @Operation(operationId = "getProduct", summary = "Get a product")
    @APIResponse(responseCode = "200", description = "The product with its certification; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(products.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "updateProduct", summary = "Correct a product; requires If-Match with the ETag of the last read",
            description = CORRECTION_RULES)
    @APIResponse(responseCode = "200", description = "Corrected (or unchanged: a write that changes nothing keeps the version "
            + "and ETag and publishes nothing); ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull ProductRequest request) {
        Etag.IfMatch expected = Etag.ifMatch(ifMatch);
        products.requireWritable(id, user.asActor());
        validate.check(request);
        return answer(products.update(id, request, expected, user.asActor(), request.reason()).view());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "patchProduct", summary = "Correct some fields of a product (JSON Merge Patch); requires If-Match",
            description = "Send only the fields to change (RFC 7386; null clears an optional field), and reason where needed. "
                    + CORRECTION_RULES)
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the fields of ProductRequest (RFC 7386: \"null\" clears an optional field), with a reason where needed"),
            examples = @ExampleObject(name = "rename", summary = "A producer corrects its product's name and packaging",
                    value = "{\"name\": \"Tỏi cô đơn Lý Sơn\", \"specification\": \"Hộp giấy 500 g\"}")))
    @APIResponse(responseCode = "200", description = "Corrected or unchanged; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    public Response patch(@PathParam("id") UUID id,
                          @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                          byte[] patch) throws IOException {
        Etag.IfMatch expected = Etag.ifMatch(ifMatch);
        products.requireWritable(id, user.asActor());
        ProductRequest request = mergePatch.apply(ProductRequest.of(products.get(id)), patch, ProductRequest.class);
        return answer(products.update(id, request, expected, user.asActor(), request.reason()).view());
    }

    private static Response answer(ProductView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees only its own products, provincial roles those of their province.")
    @Operation(operationId = "listProducts", summary = "List products visible to the caller")
    public Page<ProductView> list(@QueryParam("producerId") UUID producerId,
                                  @QueryParam("province") String province,
                                  @QueryParam("productSet") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "26"), description = "1..26") String productSet,
                                  @BeanParam PageRequest page) {
        return products.list(producerId, province, QueryParams.intValue("productSet", productSet, 1, 26), page);
    }
}
