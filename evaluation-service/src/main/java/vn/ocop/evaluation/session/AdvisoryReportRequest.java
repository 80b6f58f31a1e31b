package vn.ocop.evaluation.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The advisory team's report on a session's products. */
@Schema(name = "AdvisoryReportRequest")
public record AdvisoryReportRequest(
        @NotBlank @Size(max = 10000) @Schema(example = "Đã thẩm định hồ sơ và khảo sát thực tế 3 cơ sở") String summary,
        @NotNull @Size(max = 200) List<@NotNull @Valid RecommendationRequest> recommendations,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(description = "Link to the signed report in a document store; or upload the file itself (POST …/advisory-report/file)",
                example = "https://docs.ocop.gov.vn/51/tu-van-2026-1.pdf")
        String attachmentUrl,
        @NotBlank @Size(max = 200) @Schema(example = "Tổ trưởng tổ tư vấn Trần Thị Bình") String author,
        @NotNull @Schema(description = "The report's date (Vietnam)", example = "2026-06-15") LocalDate reportDate) {

    public record RecommendationRequest(@NotNull UUID productId,
                                        @NotBlank @Size(max = 2000) @Schema(example = "Đề nghị đánh giá 4 sao") String recommendation) {
    }

    @Schema(name = "AdvisoryReport")
    public record View(UUID id, UUID sessionId, String summary, List<RecommendationRequest> recommendations,
                       @Schema(nullable = true, description = "Link to the signed report, if one was given") String attachmentUrl,
                       @Schema(nullable = true, description = "The uploaded signed report, if any") FileView file,
                       String author, LocalDate reportDate, Instant createdAt, String createdBy) {
        static View of(AdvisoryReport r) {
            AdvisoryReportFile file = AdvisoryReportFile.ofReport(r.id);
            return new View(r.id, r.sessionId, r.summary,
                    r.recommendations.stream().map(x -> new RecommendationRequest(x.productId, x.recommendation)).toList(),
                    r.attachmentUrl, file == null ? null : FileView.of(r.sessionId, file), r.author, r.reportDate, r.createdAt, r.createdBy);
        }
    }

    /** The signed report's file: its name, the type its content showed, size, SHA-256 and where to download it. */
    @Schema(name = "AdvisoryReportFile")
    public record FileView(@Schema(example = "bao-cao-to-tu-van-2026-1.pdf") String fileName,
                           @Schema(description = "Sniffed from the content", example = "application/pdf") String contentType,
                           @Schema(example = "248113") long sizeBytes,
                           @Schema(description = "SHA-256 of the content, hex",
                                   example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
                           @Schema(example = "2026-06-16T03:10:00Z") Instant uploadedAt,
                           @Schema(example = "officer-51@ocop.gov.vn") String uploadedBy,
                           @Schema(example = "/api/v1/sessions/5b1d7e02-8c3a-4f6e-9d21-7a0b4c5e6f10/advisory-report/file") String href) {
        static FileView of(UUID sessionId, AdvisoryReportFile f) {
            return new FileView(f.fileName, f.contentType, f.sizeBytes, f.sha256, f.uploadedAt, f.uploadedBy,
                    "/api/v1/sessions/" + sessionId + "/advisory-report/file");
        }
    }
}
