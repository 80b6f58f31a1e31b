package vn.ocop.evaluation.council;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member declares a conflict of interest with a producer. */
@Schema(name = "ConflictRequest")
public record ConflictRequest(
        @NotBlank @Size(max = 200) @Schema(example = "member-51-b@ocop.gov.vn") String memberSubject,
        @NotNull UUID producerId,
        @NotBlank @Size(max = 1000) @Schema(example = "Người thân là thành viên hợp tác xã") String reason) {

    @Schema(name = "ConflictDeclaration")
    public record View(UUID id, UUID councilId, String memberSubject, UUID producerId, String reason) {
        static View of(ConflictDeclaration d) {
            return new View(d.id, d.councilId, d.memberSubject, d.producerId, d.reason);
        }
    }
}
