package vn.ocop.registry.product;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.producer.ProducerRequest;

@Schema(name = "ProductRequest")
public record ProductRequest(
        @NotNull @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID producerId,
        @NotBlank @Size(max = 300) @Schema(example = "Tỏi Lý Sơn") String name,
        @Min(1) @Max(26) @Schema(description = "Product set 1..26 (bộ sản phẩm, Annex I)", example = "10") int productSet,
        @NotBlank @Size(max = 100) @Pattern(regexp = ProducerRequest.COMMUNE_PATTERN, message = "must be a 5-digit commune code or a commune name")
        @Schema(description = "Commune of origin. " + ProducerRequest.COMMUNE_RULE, example = "21040")
        String communeCode,
        @Size(max = 5000) @Schema(example = "Tỏi cô đơn trồng trên đất cát núi lửa đảo Lý Sơn") String description,
        @Size(max = 20000) @Schema(description = "Câu chuyện sản phẩm (product story)") String story,
        @Size(max = 2000) @Schema(description = "Specification and packaging (quy cách, bao bì)",
                example = "Túi lưới 500 g và hộp giấy 1 kg; tỏi cô đơn loại 1") String specification,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be letters, digits, dots or dashes")
        @Schema(description = "Raw-material area code (mã số vùng trồng)", example = "VN-QNLS-0012") String rawMaterialAreaCode,
        @Gtin @Schema(description = "Optional GS1 barcode (GTIN-8/12/13/14)", example = "8936045123454") String gtin,
        @Size(max = 1000) @Schema(description = ProducerRequest.REASON_RULE, example = "Sản phẩm chuyển về xã Bình Sơn")
        String reason) {

    /** The product as a PUT of the unchanged record would send it: what a merge patch applies to. */
    public static ProductRequest of(ProductView view) {
        return new ProductRequest(view.producerId(), view.name(), view.productSet(), view.communeCode(), view.description(),
                view.story(), view.specification(), view.rawMaterialAreaCode(), view.gtin(), null);
    }
}
