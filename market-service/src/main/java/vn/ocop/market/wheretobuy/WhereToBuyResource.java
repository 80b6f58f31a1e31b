package vn.ocop.market.wheretobuy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.market.certificate.Certificate;
import vn.ocop.market.certificate.CertificateLedger;
import vn.ocop.market.channel.SalesChannel;
import vn.ocop.market.listing.Listing;
import vn.ocop.market.listing.ListingStatus;
import vn.ocop.market.pointofsale.LocationCategory;
import vn.ocop.market.pointofsale.PointOfSale;
import vn.ocop.market.pointofsale.PointOfSaleStatus;
import vn.ocop.market.pointofsale.PointOfSaleView;
import vn.ocop.projection.product.Product;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

/**
 * Anonymous "where to buy": only products with an active certificate, only active listings, only approved points of
 * sale. A suspended listing disappears here at once, which is the point of automatic delisting.
 */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public", description = "Anonymous: where to buy OCOP products")
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class WhereToBuyResource {

    @Inject
    CertificateLedger certificates;

    @GET
    @Path("/where-to-buy")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "whereToBuy", summary = "Channels and approved points of sale offering a certified product")
    @APIResponse(responseCode = "200", description = "Where the product is offered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhereToBuy.class)))
    @APIResponse(responseCode = "404", description = "No product with that id")
    public WhereToBuy whereToBuy(@QueryParam("product") @Parameter(description = "Product id", required = true) String product,
                                 @QueryParam("province") @Parameter(description = "Only points of sale in this province") String province) {
        UUID productId = QueryParams.uuidValue("product", product);
        if (productId == null) {
            throw ApiException.invalidField("product", "is required");
        }
        Certificate active = Certificate.activeFor(productId, certificates.today());
        if (active == null) {
            throw new ApiException(404, "NOT_FOUND", "Resource not found",
                    "Product " + productId + " has no active OCOP certificate");
        }
        Product p = Product.findById(productId);
        List<WhereToBuy.Online> online = new ArrayList<>();
        List<WhereToBuy.Shop> shops = new ArrayList<>();
        for (Listing l : Listing.<Listing>list("productId = ?1 and status = ?2", Sort.by("createdAt").and("id"), productId, ListingStatus.ACTIVE)) {
            if (l.channelId != null) {
                SalesChannel c = SalesChannel.findById(l.channelId);
                online.add(new WhereToBuy.Online(c.id, c.name, c.kind, c.website, l.externalUrl, l.priceVnd));
                continue;
            }
            PointOfSale s = PointOfSale.findById(l.pointOfSaleId);
            if (s.status == PointOfSaleStatus.APPROVED && (province == null || province.equals(s.provinceCode))) {
                shops.add(new WhereToBuy.Shop(s.id, s.name, s.category, s.provinceCode, s.communeCode, s.address, s.latitude,
                        s.longitude, s.openingHours, l.priceVnd));
            }
        }
        return new WhereToBuy(productId, active.productCode, p == null ? null : p.name, active.number, active.stars,
                active.validUntil, online, shops);
    }

    /** Approved points of sale, without their operators' notification settings. */
    public record PublicPoint(UUID id, String name, LocationCategory category, String provinceCode, String communeCode,
                              String address, java.math.BigDecimal latitude, java.math.BigDecimal longitude, String openingHours) {
        static PublicPoint of(PointOfSale s) {
            PointOfSaleView v = PointOfSaleView.of(s);
            return new PublicPoint(v.id(), v.name(), v.category(), v.provinceCode(), v.communeCode(), v.address(), v.latitude(),
                    v.longitude(), v.openingHours());
        }
    }

    @GET
    @Path("/points-of-sale")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listPublicPointsOfSale", summary = "Approved points of sale, by province and category")
    public Page<PublicPoint> points(@QueryParam("province") String province, @QueryParam("category") @Parameter(schema = @Schema(implementation = LocationCategory.class)) String category,
                                    @BeanParam PageRequest page) {
        LocationCategory c = QueryParams.enumValue(LocationCategory.class, "category", category);
        StringBuilder q = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", PointOfSaleStatus.APPROVED);
        if (province != null) {
            q.append(" and provinceCode = :province");
            params.and("province", province);
        }
        if (c != null) {
            q.append(" and category = :category");
            params.and("category", c);
        }
        return Page.of(PointOfSale.find(q.toString(), Sort.by("provinceCode").and("name").and("id"), params), page, PublicPoint::of);
    }
}
