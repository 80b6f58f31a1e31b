package vn.ocop.registry.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.registry.product.Product;

/**
 * Who may file a dossier: its producer, or an officer of the producer's area filing on its behalf (nộp hộ: a commune
 * officer of the product's commune, a province officer of its province), so a provincial portal needs no token per
 * producer. The dossier still belongs to the producer, who sees and follows it; it records who filed it.
 */
@ApplicationScoped
public class FilingOnBehalf {

    @Inject
    CurrentUser user;

    /** 403 unless the caller may draft a dossier for the product; true when an officer files on the producer's behalf. */
    boolean requireMayFile(Product product) {
        if (isProducer(product.producerId)) {
            return false;
        }
        if (isOfficerOf(product.provinceCode, product.communeCode)) {
            return true;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Only the producer of product " + product.code
                + ", or an officer of its commune or province, may file its dossier");
    }

    /** Completing a dossier (its forms, its files, its submission): its producer, or an officer of its area. */
    void requireMayComplete(Application application) {
        if (isProducer(application.producerId) || isOfficerOf(application.provinceCode, application.communeCode)) {
            return;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Only the producer of application " + application.id
                + ", or an officer of its commune or province, may do this");
    }

    /**
     * The commune's review is a second pair of eyes: the officer who filed the dossier on the producer's behalf may not
     * also review it (409 {@code REVIEWER_FILED_IT}); another officer of the commune does.
     */
    void requireNotFiledByCaller(Application application) {
        if (application.filedOnBehalf && user.actor().equals(application.filedBy)) {
            throw ApiException.conflict("REVIEWER_FILED_IT", "You filed application " + application.id
                    + " on the producer's behalf, so another officer of commune " + application.communeCode + " must review it");
        }
    }

    private boolean isProducer(UUID producerId) {
        return user.hasRole(Roles.PRODUCER) && user.producerId().filter(producerId::equals).isPresent();
    }

    private boolean isOfficerOf(String provinceCode, String communeCode) {
        if (user.province().filter(provinceCode::equals).isEmpty()) {
            return false;
        }
        return user.hasRole(Roles.PROVINCE_OFFICER)
                || user.hasRole(Roles.COMMUNE_OFFICER) && user.commune().filter(communeCode::equals).isPresent();
    }
}
