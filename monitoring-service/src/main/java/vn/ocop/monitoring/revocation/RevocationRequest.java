package vn.ocop.monitoring.revocation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revocation decision to record: all of its certificates are revoked, or none. */
@Schema(name = "RevocationRequest")
public record RevocationRequest(
        @NotEmpty @Size(max = 1000) @Schema(description = "Certificates the decision names", example = "[\"OCOP-82-2021-00031\"]")
        List<@NotBlank @Size(max = 100) String> certificateNumbers,
        @NotNull @Schema(example = "CRITERIA_NO_LONGER_MET") RevocationGround ground,
        @NotBlank @Size(max = 100) @Schema(example = "3763/QĐ-UBND") String decisionNumber,
        @NotNull @Schema(description = "Date of the decision (Vietnam)", example = "2026-11-18") LocalDate decidedOn,
        @Schema(description = "Date of the conclusion the decision rests on (inspection conclusion, competent authority's "
                + "conclusion, or the commune's confirmation that production stopped); the 15-day deadline runs from it. "
                + "Taken from the inspection when inspectionId is given and this is absent.", example = "2026-11-10")
        LocalDate findingOn,
        @Schema(description = "The inspection whose finding the decision rests on") UUID inspectionId,
        @Size(max = 2000) @Schema(example = "Không đánh giá lại trước khi giấy chứng nhận hết hạn") String reason) {
}
