package vn.ocop.monitoring.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The parts of a completed inspection: checklist, findings and lab results. */
public final class InspectionCompletion {
    private InspectionCompletion() {
    }

    public enum Severity { MINOR, MAJOR, CRITICAL }

    /** What every post-certification check looks at (QĐ 26/2026 Điều 10). */
    @Schema(name = "InspectionChecklist")
    public record Checklist(
            @NotNull @Schema(description = "The product still meets the criteria it was rated on") Boolean criteriaStillMet,
            @NotNull @Schema(description = "The OCOP mark is used as the rules allow") Boolean markUseProper,
            @NotNull @Schema(description = "The label matches the rated dossier") Boolean labelMatches,
            @NotNull Boolean foodSafetyOk,
            @NotNull @Schema(description = "The producer still produces the product") Boolean productionActive) {

        boolean allPassed() {
            return criteriaStillMet && markUseProper && labelMatches && foodSafetyOk && productionActive;
        }
    }

    @Schema(name = "InspectionFinding")
    public record Finding(
            @NotBlank @Size(max = 2000) @Schema(example = "Nhãn ghi 4 sao, sản phẩm được công nhận 3 sao") String description,
            @NotNull Severity severity) {
    }

    @Schema(name = "LabResult")
    public record LabResult(
            @NotBlank @Size(max = 200) @Schema(example = "Coliforms") String parameter,
            @NotBlank @Size(max = 200) @Schema(example = "12 CFU/g") String result,
            @NotNull Boolean withinLimit,
            @Schema(nullable = true) @Size(max = 200) String laboratory) {
    }
}
