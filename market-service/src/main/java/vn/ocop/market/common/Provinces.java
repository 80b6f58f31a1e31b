package vn.ocop.market.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.platform.problem.ApiException;

/** The 34 provincial units in force (reference data copied from the registry, see V2__market.sql). */
@ApplicationScoped
public class Provinces {

    @Inject
    EntityManager entityManager;

    public void requireKnown(String field, String code) {
        Number count = (Number) entityManager.createNativeQuery("select count(*) from province where code = ?1")
                .setParameter(1, code).getSingleResult();
        if (count.intValue() == 0) {
            throw ApiException.invalidField(field, "unknown province code " + code + " (use the 2025 list of 34 units)");
        }
    }
}
