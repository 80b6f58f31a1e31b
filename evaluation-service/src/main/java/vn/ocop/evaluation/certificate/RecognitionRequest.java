package vn.ocop.evaluation.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recognition decision and the results it recognises; each result gets a certificate. */
@Schema(name = "RecognitionRequest")
public record RecognitionRequest(
        @NotBlank @Size(max = 100) @Schema(example = "1234/QĐ-UBND") String decisionNumber,
        @NotNull @Schema(description = "Decision date (Vietnam); the certificates' issue date", example = "2026-07-01") LocalDate decidedOn,
        @NotEmpty @Size(max = 200) List<@NotNull UUID> resultIds) {

    @Schema(name = "RecognitionDecision")
    public record Decision(UUID id, String number, LocalDate decidedOn,
                           @Schema(enumeration = {"PROVINCIAL", "CENTRAL"}, example = "PROVINCIAL") String level,
                           @Schema(nullable = true, description = "The province of a provincial decision; null for a central one") String provinceCode,
                           List<CertificateView> certificates) {
    }
}
