package vn.ocop.market.pointofsale;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PointOfSaleRequest")
public record PointOfSaleRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Điểm giới thiệu và bán sản phẩm OCOP Quảng Ngãi") String name,
        @NotNull LocationCategory category,
        @NotNull @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String provinceCode,
        @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune code") String communeCode,
        @NotBlank @Size(max = 300) String operatorName,
        @NotBlank @Size(max = 500) String address,
        @DecimalMin("8.0") @DecimalMax("24.0") BigDecimal latitude,
        @DecimalMin("102.0") @DecimalMax("110.0") BigDecimal longitude,
        @Size(max = 300) @Schema(example = "07:00–21:00 daily") String openingHours,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String notificationUrl,
        @Size(min = 16, max = 200) @Schema(description = "Shared secret for the HMAC-SHA256 signature; never returned") String notificationSecret) {
}
