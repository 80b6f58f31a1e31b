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
        @Schema(description = "Link to the signed report (document store)", example = "https://docs.ocop.gov.vn/51/tu-van-2026-1.pdf")
        String attachmentUrl,
        @NotBlank @Size(max = 200) @Schema(example = "Tổ trưởng tổ tư vấn Trần Thị Bình") String author,
        @NotNull @Schema(description = "The report's date (Vietnam)", example = "2026-06-15") LocalDate reportDate) {

    public record RecommendationRequest(@NotNull UUID productId,
                                        @NotBlank @Size(max = 2000) @Schema(example = "Đề nghị đánh giá 4 sao") String recommendation) {
    }

    @Schema(name = "AdvisoryReport")
    public record View(UUID id, UUID sessionId, String summary, List<RecommendationRequest> recommendations, String attachmentUrl,
                       String author, LocalDate reportDate, Instant createdAt, String createdBy) {
        static View of(AdvisoryReport r) {
            return new View(r.id, r.sessionId, r.summary,
                    r.recommendations.stream().map(x -> new RecommendationRequest(x.productId, x.recommendation)).toList(),
                    r.attachmentUrl, r.author, r.reportDate, r.createdAt, r.createdBy);
        }
    }
}
