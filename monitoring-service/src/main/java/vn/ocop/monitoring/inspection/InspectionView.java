package vn.ocop.monitoring.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.monitoring.revocation.RevocationGround;

@Schema(name = "Inspection")
public record InspectionView(
        UUID id,
        @Schema(nullable = true) UUID planId,
        @Schema(nullable = true) UUID complaintId,
        UUID productId,
        @Schema(nullable = true, description = "The product's active certificate when the inspection was opened") UUID certificateId,
        String provinceCode,
        String inspector,
        LocalDate inspectedOn,
        Inspection.Status status,
        @Schema(nullable = true, type = SchemaType.OBJECT) InspectionCompletion.Checklist checklist,
        @Schema(nullable = true) List<InspectionCompletion.Finding> findings,
        @Schema(nullable = true) List<InspectionCompletion.LabResult> labResults,
        @Schema(nullable = true, type = SchemaType.STRING) InspectionOutcome outcome,
        @Schema(nullable = true) LocalDate correctiveDeadline,
        @Schema(nullable = true, type = SchemaType.STRING) RevocationGround proposedGround,
        @Schema(nullable = true) LocalDate completedOn,
        @Schema(nullable = true, description = "For REVOCATION_PROPOSED: last day for the revocation decision (the revocation deadline after completion)")
        LocalDate revocationDeadline,
        long version) {

    @Schema(name = "InspectionPlan")
    public record Plan(UUID id, String provinceCode, InspectionPlan.Kind kind, String title, LocalDate periodFrom,
                       LocalDate periodTo, List<UUID> productIds, Instant createdAt, long version) {
    }
}
