package vn.ocop.projection.product;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.security.ScopeRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The product projection as each consuming service serves it. Its operation ids are the services' own
 * ({@code getEvaluationProduct}, {@code listMarketProducts}…, set by {@code ocop.openapi.operation-id.*}), so each
 * generated client keeps its method names.
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Products", description = "Products registered in the registry, as this service knows them")
@SecurityRequirement(name = "bearer")
public class ProductResource {

    public record ProductSummary(UUID id, String code, String name, int productSet, UUID producerId, String provinceCode,
                                 String communeCode, @Schema(nullable = true) Instant registeredAt) {
        static ProductSummary of(Product p) {
            return new ProductSummary(p.id, p.code, p.name, p.productSet, p.producerId, p.provinceCode, p.communeCode,
                    p.registeredAt);
        }
    }

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @GET
    @Path("/{id}")
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only its own products, provincial roles those of their province; other roles read all.")
    @Operation(operationId = "getProduct", summary = "Get a product known to this service")
    public ProductSummary get(@PathParam("id") UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        scope.requireRead(product.provinceCode, product.producerId);
        return ProductSummary.of(product);
    }

    @GET
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees only its own products, provincial roles those of their province.")
    @Operation(operationId = "listProducts", summary = "List products known to this service")
    public Page<ProductSummary> list(@QueryParam("province") String province, @BeanParam PageRequest page) {
        String visible = scope.listableProvince(province);
        Where where = new Where().and("provinceCode = :p", "p", visible);
        if (user.asActor().isProducer()) {
            // as getProduct: a producer's own products only (a token without its producer sees none)
            where.andAlways("producerId = :producer", "producer", user.producerId().orElse(null));
        }
        return Page.of(Product.find(where.query(), Sort.by("code"), where.parameters()), page, ProductSummary::of);
    }
}
