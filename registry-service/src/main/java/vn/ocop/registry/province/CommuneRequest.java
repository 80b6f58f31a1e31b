package vn.ocop.registry.province;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of a commune list upload (JSON array element, NDJSON line or CSV record). */
@Schema(name = "CommuneRequest")
public record CommuneRequest(
        @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune code") @Schema(example = "21548") String code,
        @NotBlank @Size(max = 100) @Schema(example = "Đặc khu Lý Sơn") String name,
        @NotBlank @Schema(description = "COMMUNE, WARD, SPECIAL_ZONE, or xã, phường, đặc khu", example = "SPECIAL_ZONE") String kind,
        @NotBlank @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") @Schema(example = "51") String provinceCode) {
}
