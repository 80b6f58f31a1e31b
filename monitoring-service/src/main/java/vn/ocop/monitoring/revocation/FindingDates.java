package vn.ocop.monitoring.revocation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.monitoring.inspection.Inspection;
import vn.ocop.monitoring.inspection.InspectionScope;

/**
 * The date of the finding a revocation rests on, when only the inspection is named: the day it was completed. Another
 * province's inspection counts as unknown: its date must not leak into a decision (nor its existence into an answer).
 */
@ApplicationScoped
public class FindingDates {

    @Inject
    InspectionScope inspectionScope;

    public Optional<LocalDate> of(UUID inspectionId) {
        if (inspectionId == null) {
            return Optional.empty();
        }
        Inspection inspection = Inspection.findById(inspectionId);
        return inspection == null || !inspectionScope.sees(inspection.provinceCode) ? Optional.empty()
                : Optional.ofNullable(inspection.completedOn);
    }
}
