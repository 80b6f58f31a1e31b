package vn.ocop.market.webhook;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.pointofsale.PointOfSale;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Webhook deliveries", description = "The log of notifications sent to channels and points of sale")
@SecurityRequirement(name = "bearer")
public class WebhookDeliveryResource {

    @Inject
    MarketScope market;

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    /** An operator sees its own outlet's deliveries, a province its listings', the centre and auditors all. */
    @GET
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A channel operator sees only its own channel's deliveries.")
    @Operation(operationId = "listWebhookDeliveries", summary = "Delivery log (newest first)")
    public Page<WebhookDeliveryView> list(@QueryParam("outlet") @Parameter(description = "Channel or point-of-sale id") String outlet,
                                          @QueryParam("listing") String listing,
                                          @QueryParam("province") String province,
                                          @BeanParam PageRequest page) {
        UUID outletId = QueryParams.uuidValue("outlet", outlet);
        UUID listingId = QueryParams.uuidValue("listing", listing);
        String inProvince = "listingId in (select l.id from Listing l where l.provinceCode = :province)";
        Where where = new Where();
        if (market.isNationwideReader()) {
            where.and(inProvince, "province", province);
        } else if (user.hasRole(Roles.CHANNEL_OPERATOR)) {
            where.andAlways("targetId = :own", "own", user.channelId().orElse(new UUID(0, 0)));
        } else if (user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR)) {
            where.andAlways(inProvince, "province", scope.listableProvince(province));
        } else {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read the delivery log");
        }
        where.and("targetId = :outlet", "outlet", outletId).and("listingId = :listing", "listing", listingId);
        return Page.of(WebhookDelivery.find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), page,
                (WebhookDelivery d) -> WebhookDeliveryView.of(d, managesTarget(d)));
    }

    /** The URL a notification went to is the target's setting: only those who manage the target see it. */
    private boolean managesTarget(WebhookDelivery d) {
        if ("CHANNEL".equals(d.targetKind)) {
            return market.manages(d.targetId, null);
        }
        PointOfSale point = PointOfSale.findById(d.targetId);
        return market.manages(d.targetId, point == null ? null : point.provinceCode);
    }
}
