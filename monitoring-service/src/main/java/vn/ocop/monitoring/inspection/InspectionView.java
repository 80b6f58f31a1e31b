package vn.ocop.monitoring.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.monitoring.revocation.RevocationGround;

@Schema(name = "Inspection")
public record InspectionView(
        UUID id,
        UUID planId,
        UUID complaintId,
        UUID productId,
        @Schema(description = "The product's active certificate when the inspection was opened") UUID certificateId,
        String provinceCode,
        String inspector,
        LocalDate inspectedOn,
        Inspection.Status status,
        InspectionCompletion.Checklist checklist,
        List<InspectionCompletion.Finding> findings,
        List<InspectionCompletion.LabResult> labResults,
        InspectionOutcome outcome,
        LocalDate correctiveDeadline,
        RevocationGround proposedGround,
        LocalDate completedOn,
        @Schema(description = "For REVOCATION_PROPOSED: last day for the revocation decision (the revocation deadline after completion)")
        LocalDate revocationDeadline,
        long version) {

    @Schema(name = "InspectionPlan")
    public record Plan(UUID id, String provinceCode, InspectionPlan.Kind kind, String title, LocalDate periodFrom,
                       LocalDate periodTo, List<UUID> productIds, Instant createdAt, long version) {
    }
}
