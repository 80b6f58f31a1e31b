package vn.ocop.registry.product;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.certification.CertificationView;

@Schema(name = "Product")
public record ProductView(
        @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID id,
        @Schema(description = "Product code (province)-(commune)-(serial)-(year)", example = "51-21548-1-2026") String code,
        @Schema(example = "Tỏi Lý Sơn") String name,
        @Schema(description = "Product set 1..26 (bộ sản phẩm)", example = "10") int productSet,
        @Schema(example = "3f6c2a8e-5d41-4b7a-9c0e-7a1d2b3c4d51") UUID producerId,
        @Schema(example = "51") String provinceCode,
        @Schema(description = "Commune of origin in force", example = "21548") String communeCode,
        @Schema(nullable = true, description = "The former commune code or name given, when it was mapped to communeCode; unset otherwise")
        String legacyCommuneCode,
        @Schema(example = "2025") String unitList,
        @Schema(nullable = true, example = "Tỏi cô đơn trồng trên đất cát núi lửa đảo Lý Sơn") String description,
        @Schema(nullable = true, description = "Câu chuyện sản phẩm (product story)",
                example = "Cây tỏi gắn với nghề nông của cư dân đảo Lý Sơn từ hàng trăm năm") String story,
        @Schema(nullable = true, description = "Specification and packaging (quy cách, bao bì)", example = "Túi lưới 500 g và hộp giấy 1 kg")
        String specification,
        @Schema(nullable = true, description = "Raw-material area code (mã số vùng trồng)", example = "VN-QNLS-0012") String rawMaterialAreaCode,
        @Schema(nullable = true, description = "GS1 barcode", example = "8936045123454") String gtin,
        @Schema(description = "Current certification, kept up to date from evaluation and monitoring events")
        CertificationView certification,
        @Schema(example = "2026-01-12T02:20:00Z") Instant createdAt,
        @Schema(example = "2026-03-15T09:00:00Z") Instant updatedAt,
        @Schema(description = "Also given as the ETag", example = "3") long version) {

    public static ProductView of(Product p, CertificationView certification) {
        return new ProductView(p.id, p.code, p.name, p.productSet, p.producerId, p.provinceCode, p.communeCode, p.legacyCommuneCode, p.unitList,
                p.description, p.story, p.specification, p.rawMaterialAreaCode, p.gtin, certification, p.createdAt, p.updatedAt, p.version);
    }
}
