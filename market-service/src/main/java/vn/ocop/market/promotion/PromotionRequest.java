package vn.ocop.market.promotion;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promotion event: a place for fairs and OCOP weeks, a platform for livestreams. */
@Schema(name = "PromotionRequest")
public record PromotionRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Tuần lễ sản phẩm OCOP Quảng Ngãi 2026") String name,
        @NotNull PromotionKind kind,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") @Schema(description = "Null for a national event") String provinceCode,
        @Size(max = 500) String place,
        @Size(max = 300) @Schema(example = "TikTok Shop") String platform) {
}
