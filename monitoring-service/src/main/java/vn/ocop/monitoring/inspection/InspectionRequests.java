package vn.ocop.monitoring.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.monitoring.revocation.RevocationGround;

/** Request bodies of the inspection API. */
public final class InspectionRequests {
    private InspectionRequests() {
    }

    @Schema(name = "InspectionPlanRequest")
    public record PlanRequest(
            @NotBlank @Size(min = 2, max = 2) @Schema(example = "51") String provinceCode,
            @NotNull @Schema(example = "PERIODIC") InspectionPlan.Kind kind,
            @NotBlank @Size(max = 300) @Schema(example = "Hậu kiểm sản phẩm OCOP 6 tháng cuối năm 2026") String title,
            @NotNull LocalDate periodFrom,
            @NotNull LocalDate periodTo,
            @NotEmpty @Size(max = 2000) List<@NotNull UUID> productIds) {
    }

    @Schema(name = "InspectionRequest")
    public record OpenRequest(
            @NotNull UUID productId,
            @Schema(description = "The plan this inspection belongs to; absent for an ad hoc inspection") UUID planId,
            @NotBlank @Size(max = 200) @Schema(example = "Trần Văn Nam, Chi cục QLCL") String inspector,
            @NotNull @Schema(example = "2026-11-20") LocalDate inspectedOn) {
    }

    /** The one-time completion of an inspection. */
    @Schema(name = "InspectionCompletion")
    public record Completion(
            @NotNull @Valid InspectionCompletion.Checklist checklist,
            @Size(max = 100) List<InspectionCompletion.@NotNull @Valid Finding> findings,
            @Size(max = 100) List<InspectionCompletion.@NotNull @Valid LabResult> labResults,
            @NotNull InspectionOutcome outcome,
            @Schema(description = "Required for CORRECTIVE_ACTION") LocalDate correctiveDeadline,
            @Schema(description = "Required for REVOCATION_PROPOSED") RevocationGround proposedGround,
            @Schema(description = "Date of the inspection conclusion (defaults to today); a revocation's deadline runs from it")
            LocalDate concludedOn) {
    }
}
