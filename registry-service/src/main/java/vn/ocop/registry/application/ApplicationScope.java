package vn.ocop.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/**
 * Who may see and act on a dossier: the producer only its own, a commune officer only dossiers filed in their commune,
 * provincial roles only their province; central officers and auditors read everything.
 */
@ApplicationScoped
public class ApplicationScope {

    @Inject
    CurrentUser user;

    void requireRead(Application application) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return;
        }
        if (user.hasRole(Roles.PRODUCER) && isOwner(application)) {
            return;
        }
        if (user.hasRole(Roles.COMMUNE_OFFICER) && isCommune(application)) {
            return;
        }
        if ((user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR)) && isProvince(application)) {
            return;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read application " + application.id);
    }

    void requireOwner(Application application) {
        if (!isOwner(application)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the producer that filed application " + application.id
                    + " may do this");
        }
    }

    void requireCommuneOfficer(Application application) {
        if (!user.hasRole(Roles.COMMUNE_OFFICER) || !isCommune(application)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only an officer of commune " + application.communeCode
                    + " may review application " + application.id);
        }
    }

    void requireProvinceOffice(Application application) {
        if (user.hasRole(Roles.CENTRAL_OFFICER)) {
            return;
        }
        if (!user.hasRole(Roles.PROVINCE_OFFICER) || !isProvince(application)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the OCOP office of province " + application.provinceCode
                    + " may decide on application " + application.id);
        }
    }

    private boolean isOwner(Application application) {
        return user.hasRole(Roles.PRODUCER) && user.producerId().filter(application.producerId::equals).isPresent();
    }

    private boolean isCommune(Application application) {
        return user.province().filter(application.provinceCode::equals).isPresent()
                && user.commune().filter(application.communeCode::equals).isPresent();
    }

    private boolean isProvince(Application application) {
        return user.province().filter(application.provinceCode::equals).isPresent();
    }
}
