package vn.ocop.registry.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/**
 * Who may see and act on a dossier: the producer only its own, a commune officer only dossiers filed in their commune,
 * provincial roles only their province; central officers and auditors read everything. A dossier's existence is not
 * public: to whoever may not read it, it answers exactly like a missing one (404), before any other check; who may read
 * it but not do what they ask gets 403 {@code OUT_OF_SCOPE}.
 */
@ApplicationScoped
public class ApplicationScope {

    @Inject
    CurrentUser user;

    /** The dossier with this id if the caller may read it; otherwise 404, the same as for a missing one. */
    Application visible(UUID id) {
        Application application = Application.findById(id);
        if (application == null || !mayRead(application)) {
            throw ApiException.notFound("Application", id);
        }
        return application;
    }

    private boolean mayRead(Application application) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (user.hasRole(Roles.PRODUCER) && isOwner(application)) {
            return true;
        }
        if (user.hasRole(Roles.COMMUNE_OFFICER) && isCommune(application)) {
            return true;
        }
        return (user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR)) && isProvince(application);
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
