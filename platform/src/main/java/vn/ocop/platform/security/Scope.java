package vn.ocop.platform.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;

/**
 * Data scope on top of roles: a province officer acts only on their province, a producer only on its own records.
 * Services call these checks with the province/producer of the record being touched.
 */
@ApplicationScoped
public class Scope {

    @Inject
    CurrentUser user;

    /** Central officers act everywhere; provincial roles only where their {@code province} claim matches. */
    public void requireProvince(String provinceCode) {
        requireProvince(user.asActor(), provinceCode);
    }

    /** {@link #requireProvince(String)} for a given actor (also outside a request, e.g. a bulk import job). */
    public static void requireProvince(Actor actor, String provinceCode) {
        if (actor.hasRole(Roles.CENTRAL_OFFICER)) {
            return;
        }
        if (provinceCode != null && provinceCode.equals(actor.province())
                && (actor.hasRole(Roles.PROVINCE_OFFICER) || actor.hasRole(Roles.INSPECTOR) || actor.hasRole(Roles.COMMUNE_OFFICER))) {
            return;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not act on province " + provinceCode);
    }

    /** A producer's own account, or an officer of the producer's province. */
    public void requireProducer(UUID producerId, String provinceCode) {
        requireProducer(user.asActor(), producerId, provinceCode);
    }

    /** {@link #requireProducer(UUID, String)} for a given actor. */
    public static void requireProducer(Actor actor, UUID producerId, String provinceCode) {
        if (actor.hasRole(Roles.PRODUCER)) {
            if (producerId.equals(actor.producerId())) {
                return;
            }
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may act only on its own producer record");
        }
        requireProvince(actor, provinceCode);
    }

    /**
     * Read access to a record of a province and producer: a producer reads only its own records, provincial roles only
     * their province; central officers, auditors and nationwide roles (council members, channel operators) read all.
     */
    public void requireRead(String provinceCode, UUID producerId) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return;
        }
        if (user.hasRole(Roles.PRODUCER)) {
            requireProducer(producerId, provinceCode);
            return;
        }
        if (isProvincial() && !user.province().filter(p -> p.equals(provinceCode)).isPresent()) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read province " + provinceCode);
        }
    }

    /**
     * The province a list is restricted to: a provincial role always sees only its own (asking for another is 403);
     * everyone else sees the requested one, or all when {@code requested} is null.
     */
    public String listableProvince(String requested) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR) || !isProvincial()) {
            return requested;
        }
        String own = user.province().orElseThrow(() -> ApiException.forbidden("OUT_OF_SCOPE", "Your token names no province"));
        if (requested != null && !requested.equals(own)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read province " + requested);
        }
        return own;
    }

    private boolean isProvincial() {
        return user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR) || user.hasRole(Roles.COMMUNE_OFFICER);
    }
}
