package vn.ocop.registry.catalogue;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;
import vn.ocop.registry.catalogue.CatalogueViews.CatalogueItem;
import vn.ocop.registry.catalogue.CatalogueViews.CatalogueProduct;

/** The public OCOP product catalogue (anonymous). */
@Path("/api/v1/public/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Anonymous access: certificate verification and the product catalogue")
@PermitAll
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class PublicCatalogueResource {
    private static final java.util.Set<String> STATUSES = java.util.Set.of("NONE", "ACTIVE", "EXPIRED", "REVOKED", "SUPERSEDED");

    @Inject
    CatalogueService catalogue;

    @GET
    @Extension(name = RateLimited.EXTENSION, value = "search")
    @Operation(operationId = "searchCatalogue", summary = "Search OCOP products by name (diacritic-insensitive, typo-tolerant) and filters",
            description = "With q, a product matches when every word of q is a word of its name, case and diacritics ignored; "
                    + "only when no product has all the words is q compared by trigram similarity instead (typos). "
                    + "Results come closest first (relevance); total is the exact number of matches.")
    public Page<CatalogueItem> search(
            @QueryParam("q") @Parameter(description = "Search text; every word must match: 'toi ly son' finds 'Tỏi Lý Sơn', 'tan cuong' finds "
                    + "'Chè Tân Cương' but not 'Chè Tân Hương'", example = "toi ly son") String text,
            @QueryParam("province") @Parameter(description = "Province code", example = "51") String province,
            @QueryParam("productSet") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "26"), description = "Product set 1..26 (bộ sản phẩm)", example = "10") String productSet,
            @QueryParam("group") @Parameter(schema = @Schema(implementation = ProductGroup.class), description = "Product group I..VI (nhóm sản phẩm)", example = "I") String group,
            @QueryParam("stars") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5"), description = "Stars of the certificate in force, 3..5", example = "5") String stars,
            @QueryParam("status") @Parameter(description = "Certification status: NONE, ACTIVE, EXPIRED, REVOKED, SUPERSEDED",
                    example = "ACTIVE") String status,
            @QueryParam("sort") @Parameter(schema = @Schema(implementation = CatalogueService.Sort.class), description = "RELEVANCE (default with q), STARS or NAME (default without q)",
                    example = "RELEVANCE") String sort,
            @BeanParam PageRequest page) {
        if (province != null && !province.matches("\\d{2}")) {
            throw ApiException.invalidField("province", "must be a 2-digit province code");
        }
        String normalisedStatus = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (normalisedStatus != null && !STATUSES.contains(normalisedStatus)) {
            throw ApiException.invalidField("status", "must be one of NONE, ACTIVE, EXPIRED, REVOKED, SUPERSEDED");
        }
        if (text != null && text.length() > 200) {
            throw ApiException.invalidField("q", "must be at most 200 characters");
        }
        return catalogue.search(new CatalogueService.SearchQuery(text, province, QueryParams.intValue("productSet", productSet, 1, 26),
                QueryParams.enumValue(ProductGroup.class, "group", group), QueryParams.intValue("stars", stars, 1, 5),
                normalisedStatus, QueryParams.enumValue(CatalogueService.Sort.class, "sort", sort)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCatalogueProduct", summary = "A product's public page: producer, story, current stars and certificate")
    public CatalogueProduct get(@PathParam("id") UUID id) {
        return catalogue.get(id);
    }
}
