package vn.ocop.monitoring.evidence;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceFile")
public record EvidenceView(
        @Schema(example = "5b0e7d2a-61c4-4f0e-9a63-2f1d8c0b7e11") UUID id,
        @Schema(description = "The finding (0-based) the file supports; null: the inspection as a whole (always null for a complaint photo)", example = "0", nullable = true) Integer finding,
        @Schema(example = "nhan-sai-sao.jpg") String fileName,
        @Schema(example = "image/jpeg") String contentType,
        @Schema(example = "184233") long sizeBytes,
        @Schema(description = "SHA-256 of the content, hex",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(example = "2026-11-20T03:15:00Z") Instant uploadedAt,
        @Schema(example = "inspector-51@ocop.gov.vn") String uploadedBy) {

    static EvidenceView of(EvidenceFile f) {
        return new EvidenceView(f.id, f.findingIndex, f.fileName, f.contentType, f.sizeBytes, f.sha256, f.uploadedAt, f.uploadedBy);
    }
}
