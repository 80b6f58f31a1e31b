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
        if (user.hasRole(Roles.CENTRAL_OFFICER)) {
            return;
        }
        if (user.province().filter(p -> p.equals(provinceCode)).isPresent()
                && (user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR) || user.hasRole(Roles.COMMUNE_OFFICER))) {
            return;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not act on province " + provinceCode);
    }

    /** A producer's own account, or an officer of the producer's province. */
    public void requireProducer(UUID producerId, String provinceCode) {
        if (user.hasRole(Roles.PRODUCER)) {
            if (user.producerId().filter(producerId::equals).isPresent()) {
                return;
            }
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may act only on its own producer record");
        }
        requireProvince(provinceCode);
    }

    /** Whether the caller may read records of this province (auditors read everything). */
    public boolean canRead(String provinceCode) {
        return user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)
                || user.province().filter(p -> p.equals(provinceCode)).isPresent();
    }
}
