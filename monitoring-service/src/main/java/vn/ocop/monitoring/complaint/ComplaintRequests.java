package vn.ocop.monitoring.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and views of the complaint API. */
public final class ComplaintRequests {
    private ComplaintRequests() {
    }

    @Schema(name = "ComplaintRequest")
    public record FileRequest(
            @Size(max = 30) @Schema(description = "The product code printed on the label (or give certificateNumber)", example = "51-21040-0007-2026")
            String productCode,
            @Size(max = 100) @Schema(example = "OCOP-51-2026-00012") String certificateNumber,
            @NotBlank @Size(max = 4000) @Schema(example = "Tỏi mua về bị mốc, bao bì ghi OCOP 5 sao") String description,
            @Size(max = 500) @Schema(example = "Chợ Bình Tây, TP Hồ Chí Minh") String whereBought,
            @Size(max = 300) @Schema(description = "Optional: phone or e-mail, seen only by inspectors") String contact) {
    }

    @Schema(name = "ComplaintTriage")
    public record TriageRequest(
            @NotNull @Schema(description = "UNDER_REVIEW or DISMISSED") Complaint.Status status,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "ComplaintInspectionRequest")
    public record OpenInspectionRequest(
            @NotBlank @Size(max = 200) String inspector,
            @NotNull LocalDate inspectedOn) {
    }

    /** What the filer (anyone holding the case number) sees: no contact details, no internal notes. */
    @Schema(name = "ComplaintStatus")
    public record PublicStatus(@Schema(example = "KN-2026-000042-7QK3") String caseNumber, Complaint.Status status,
                               Instant receivedAt, Instant updatedAt) {
        static PublicStatus of(Complaint c) {
            return new PublicStatus(c.caseNumber, c.status, c.receivedAt, c.updatedAt);
        }
    }

    @Schema(name = "Complaint")
    public record View(UUID id, String caseNumber, UUID productId, @Schema(nullable = true) UUID certificateId, String provinceCode,
                       @Schema(nullable = true) String subjectReference, String description,
                       @Schema(nullable = true) String whereBought, @Schema(nullable = true) String contact,
                       Complaint.Status status, @Schema(nullable = true) String triageNote, @Schema(nullable = true) UUID inspectionId,
                       Instant receivedAt,
                       Instant updatedAt, long version) {
        static View of(Complaint c) {
            return new View(c.id, c.caseNumber, c.productId, c.certificateId, c.provinceCode, c.subjectReference,
                    c.description, c.whereBought, c.contact, c.status, c.triageNote, c.inspectionId, c.receivedAt,
                    c.updatedAt, c.version);
        }
    }
}
