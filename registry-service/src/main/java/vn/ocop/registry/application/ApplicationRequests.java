package vn.ocop.registry.application;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the dossier operations. */
public final class ApplicationRequests {
    private ApplicationRequests() {
    }

    @Schema(name = "ApplicationRequest")
    public record Create(
            @NotNull @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID productId,
            @NotNull @Schema(example = "FIRST_RATING") ApplicationKind kind,
            @NotNull @Valid Forms.Form01 form01,
            @NotNull @Valid Forms.Form02 form02) {
    }

    @Schema(name = "ApplicationUpdate")
    public record Update(@NotNull @Valid Forms.Form01 form01, @NotNull @Valid Forms.Form02 form02) {
    }

    @Schema(name = "CommuneReview")
    public record CommuneReview(
            @NotNull @Valid Forms.Form03 form03,
            @Min(0) @Max(100) @Schema(description = "Samples received (5 are required, none for product set 26)", example = "5")
            int samplesReceived) {
    }

    @Schema(name = "ReturnRequest")
    public record Return(
            @NotEmpty @Size(max = 50) @Schema(example = "[\"Thiếu phiếu kiểm nghiệm định kỳ\"]")
            List<@NotBlank @Size(max = 1000) String> reasons) {
    }

    @Schema(name = "WithdrawRequest")
    public record Withdraw(@NotBlank @Size(max = 1000) @Schema(example = "Chủ thể tạm dừng sản xuất") String reason) {
    }

    @Schema(name = "AcceptRequest")
    public record Accept(@Size(max = 1000) @Schema(example = "Hồ sơ đầy đủ, đưa vào đợt đánh giá 30/6") String note) {
    }
}
