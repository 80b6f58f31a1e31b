package vn.ocop.market.common;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/**
 * Scope rules the platform's {@code Scope} does not know: an operator account ({@code channel-operator} role) acts for
 * exactly one outlet, named by its {@code channel_id} claim, which holds the id of a sales channel or of a point of sale.
 */
@ApplicationScoped
public class MarketScope {

    @Inject
    CurrentUser user;

    /** True when the caller is the operator of the channel or point of sale {@code outletId}. */
    public boolean operates(UUID outletId) {
        return outletId != null && user.hasRole(Roles.CHANNEL_OPERATOR)
                && user.channelId().filter(outletId::equals).isPresent();
    }

    public void requireOperator(UUID outletId) {
        if (!operates(outletId)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the operator of this channel or point of sale may do this");
        }
    }

    public boolean isCentral() {
        return user.hasRole(Roles.CENTRAL_OFFICER);
    }

    public boolean isNationwideReader() {
        return user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR);
    }

    /** A province officer (or inspector) whose {@code province} claim is {@code provinceCode}. */
    public boolean isOfficerOf(String provinceCode) {
        return (user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR))
                && user.province().filter(p -> p.equals(provinceCode)).isPresent();
    }

    /** A role bound to one province: province officer, inspector or commune officer. */
    public boolean isProvincial() {
        return user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR) || user.hasRole(Roles.COMMUNE_OFFICER);
    }

    /** A provincial role (any of {@link #isProvincial()}) whose {@code province} claim is {@code provinceCode}. */
    public boolean isProvincialOf(String provinceCode) {
        return isProvincial() && provinceCode != null && user.province().filter(provinceCode::equals).isPresent();
    }

    /**
     * Who manages an outlet and so may see its notification URL and secret hint: the central office, the outlet's
     * operator and, for a point of sale ({@code provinceCode} not null), the officers of its province.
     */
    public boolean manages(UUID outletId, String provinceCode) {
        return isCentral() || operates(outletId)
                || (provinceCode != null && user.hasRole(Roles.PROVINCE_OFFICER) && user.province().filter(provinceCode::equals).isPresent());
    }

    public boolean isProducer(UUID producerId) {
        return user.hasRole(Roles.PRODUCER) && user.producerId().filter(p -> p.equals(producerId)).isPresent();
    }
}
