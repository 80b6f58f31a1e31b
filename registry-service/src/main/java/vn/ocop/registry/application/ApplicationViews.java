package vn.ocop.registry.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the dossier operations. */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    @Schema(name = "Application")
    public record ApplicationView(
            @Schema(example = "9a1e4c77-2b3d-4f60-8e15-6c2d7b8a9f10") UUID id,
            @Schema(example = "FIRST_RATING") ApplicationKind kind,
            @Schema(example = "SUBMITTED") ApplicationStatus status,
            @Schema(nullable = true, description = "Form 01 receipt number, given at the first submission", example = "12/PĐK-51-21548-2026")
            String receiptNumber,
            @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID productId,
            @Schema(example = "3f6c2a8e-5d41-4b7a-9c0e-7a1d2b3c4d51") UUID producerId,
            @Schema(example = "51") String provinceCode,
            @Schema(example = "21548") String communeCode,
            @Schema(example = "10") int productSet,
            @Schema(nullable = true, description = "The certificate an upgrade or re-rating builds on; null for a first rating",
                    example = "OCOP-51-2026-00001") String currentCertificateNumber,
            Forms.Form01 form01,
            @Schema(nullable = true, type = SchemaType.OBJECT) Forms.Form02 form02,
            @Schema(nullable = true, description = "Sum of the self scores of Form 02", example = "72.5") BigDecimal selfTotal,
            @Schema(nullable = true, type = SchemaType.OBJECT) Forms.Form03 form03,
            @Schema(nullable = true, example = "5") Integer samplesReceived,
            @Schema(nullable = true, example = "2026-04-01T03:00:00Z") Instant submittedAt,
            @Schema(nullable = true, description = "Last day of the commune's review period, in working days (weekends and public holidays skipped)", example = "2026-04-22")
            LocalDate reviewDueOn,
            @Schema(description = "The commune review is past reviewDueOn", example = "false") boolean reviewOverdue,
            @Schema(nullable = true, example = "[\"Thiếu phiếu kiểm nghiệm định kỳ\"]") List<String> returnReasons,
            List<ChecklistItem> checklist,
            @Schema(description = "Who filed the dossier (token subject): its producer, or an officer filing on its behalf",
                    example = "can-bo-xa-binh-son") String filedBy,
            @Schema(description = "Filed by an officer of the producer's commune or province on the producer's behalf",
                    example = "false") boolean filedOnBehalf,
            @Schema(example = "2026-03-20T07:30:00Z") Instant createdAt,
            @Schema(example = "2026-04-01T03:00:00Z") Instant updatedAt,
            @Schema(description = "Also given as the ETag", example = "4") long version) {

        /** The same dossier with another Form 01 (its contacts withheld from the caller). */
        ApplicationView with(Forms.Form01 form) {
            return new ApplicationView(id, kind, status, receiptNumber, productId, producerId, provinceCode, communeCode,
                    productSet, currentCertificateNumber, form, form02, selfTotal, form03, samplesReceived, submittedAt,
                    reviewDueOn, reviewOverdue, returnReasons, checklist, filedBy, filedOnBehalf, createdAt, updatedAt, version);
        }
    }

    @Schema(name = "ChecklistItem", description = "A document type the dossier's kind requires, and whether it is uploaded")
    public record ChecklistItem(@Schema(example = "BUSINESS_REGISTRATION") DocumentType type,
                                @Schema(example = "true") boolean uploaded) {
    }

    @Schema(name = "ApplicationTransition")
    public record TransitionView(@Schema(example = "SUBMIT") String action,
                                 @Schema(nullable = true, example = "DRAFT") ApplicationStatus fromStatus,
                                 @Schema(example = "SUBMITTED") ApplicationStatus toStatus,
                                 @Schema(description = "Subject of the caller's token", example = "htx-toi-ly-son") String actor,
                                 @Schema(example = "producer") String actorRoles,
                                 @Schema(nullable = true, description = "Why, for returns and withdrawals", example = "Thiếu phiếu kiểm nghiệm định kỳ")
                                 String reason,
                                 @Schema(example = "2026-04-01T03:00:00Z") Instant at) {
        static TransitionView of(ApplicationTransition t) {
            return new TransitionView(t.action, t.fromStatus, t.toStatus, t.actor, t.actorRoles, t.reason, t.at);
        }
    }

    @Schema(name = "ApplicationDocument")
    public record DocumentView(@Schema(example = "c2d9e0f1-4a5b-4c6d-8e7f-90a1b2c3d4e5") UUID id,
                               @Schema(example = "BUSINESS_REGISTRATION") DocumentType type,
                               @Schema(example = "dang-ky-kinh-doanh.pdf") String fileName,
                               @Schema(example = "application/pdf") String contentType,
                               @Schema(example = "248113") long sizeBytes,
                               @Schema(description = "SHA-256 of the content, hex",
                                       example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
                               @Schema(example = "2026-03-21T02:05:00Z") Instant uploadedAt,
                               @Schema(example = "htx-toi-ly-son") String uploadedBy) {
        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.id, d.documentType, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt,
                    d.uploadedBy);
        }
    }
}
