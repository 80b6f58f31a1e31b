package vn.ocop.registry.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the dossier operations. */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    @Schema(name = "Application")
    public record ApplicationView(
            UUID id,
            ApplicationKind kind,
            ApplicationStatus status,
            @Schema(description = "Form 01 receipt number, given at the first submission", example = "12/PĐK-51-21880-2026")
            String receiptNumber,
            UUID productId,
            UUID producerId,
            String provinceCode,
            String communeCode,
            int productSet,
            @Schema(description = "The certificate an upgrade or re-rating builds on") String currentCertificateNumber,
            Forms.Form01 form01,
            Forms.Form02 form02,
            @Schema(description = "Sum of the self scores of Form 02", example = "72.5") BigDecimal selfTotal,
            Forms.Form03 form03,
            Integer samplesReceived,
            Instant submittedAt,
            @Schema(description = "Last day of the commune's 15 working days (weekends skipped, holidays not)")
            LocalDate reviewDueOn,
            @Schema(description = "The commune review is past reviewDueOn") boolean reviewOverdue,
            List<String> returnReasons,
            List<ChecklistItem> checklist,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "ChecklistItem", description = "A document type the dossier's kind requires, and whether it is uploaded")
    public record ChecklistItem(DocumentType type, boolean uploaded) {
    }

    @Schema(name = "ApplicationTransition")
    public record TransitionView(String action, ApplicationStatus fromStatus, ApplicationStatus toStatus, String actor,
                                 String actorRoles, String reason, Instant at) {
        static TransitionView of(ApplicationTransition t) {
            return new TransitionView(t.action, t.fromStatus, t.toStatus, t.actor, t.actorRoles, t.reason, t.at);
        }
    }

    @Schema(name = "ApplicationDocument")
    public record DocumentView(UUID id, DocumentType type, String fileName, String contentType, long sizeBytes,
                               @Schema(description = "SHA-256 of the content, hex") String sha256, Instant uploadedAt,
                               String uploadedBy) {
        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.id, d.documentType, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt,
                    d.uploadedBy);
        }
    }
}
