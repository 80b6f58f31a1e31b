package vn.ocop.monitoring.revocation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The date of the finding a revocation rests on, when only the inspection is named: the day it was completed. */
@ApplicationScoped
public class FindingDates {

    @Inject
    EntityManager entityManager;

    public Optional<LocalDate> of(UUID inspectionId) {
        if (inspectionId == null) {
            return Optional.empty();
        }
        return entityManager.createNativeQuery("select completed_on from inspection where id = ?1 and completed_on is not null",
                        LocalDate.class)
                .setParameter(1, inspectionId)
                .getResultStream().findFirst().map(LocalDate.class::cast);
    }
}
