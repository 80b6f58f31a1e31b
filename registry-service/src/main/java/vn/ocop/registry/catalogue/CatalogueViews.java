package vn.ocop.registry.catalogue;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.certification.CertificationView;

/** What the public catalogue shows. */
public final class CatalogueViews {
    private CatalogueViews() {
    }

    @Schema(name = "CatalogueItem")
    public record CatalogueItem(
            @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID id,
            @Schema(example = "51-21548-1-2026") String code,
            @Schema(example = "Tỏi Lý Sơn") String name,
            @Schema(example = "10") int productSet,
            @Schema(example = "I") ProductGroup group,
            @Schema(example = "51") String provinceCode,
            @Schema(example = "Quảng Ngãi") String provinceName,
            @Schema(example = "Hợp tác xã Nông nghiệp Tỏi Lý Sơn") String producerName,
            @Schema(nullable = true, description = "Stars of the certificate in force; null when none is", example = "5") Integer stars,
            @Schema(description = "NONE, ACTIVE, EXPIRED, REVOKED or SUPERSEDED",
                    enumeration = {"NONE", "ACTIVE", "SUPERSEDED", "EXPIRED", "REVOKED"}, example = "ACTIVE") String certificationStatus,
            @Schema(nullable = true, example = "OCOP-51-2026-00001") String certificateNumber,
            @Schema(nullable = true, example = "2029-03-14") LocalDate validUntil,
            @Schema(nullable = true, description = "How well the name matches the search text, 0 to 1", example = "1.0") Double relevance) {
    }

    @Schema(name = "CatalogueProduct")
    public record CatalogueProduct(
            @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID id,
            @Schema(example = "51-21548-1-2026") String code,
            @Schema(example = "Tỏi Lý Sơn") String name,
            @Schema(example = "10") int productSet,
            @Schema(example = "I") ProductGroup group,
            @Schema(example = "Tỏi cô đơn trồng trên đất cát núi lửa đảo Lý Sơn") String description,
            @Schema(description = "Câu chuyện sản phẩm (product story)",
                    example = "Cây tỏi gắn với nghề nông của cư dân đảo Lý Sơn từ hàng trăm năm") String story,
            Place province,
            Place commune,
            PublicProducer producer,
            CertificationView certification) {
    }

    @Schema(name = "Place")
    public record Place(@Schema(example = "51") String code, @Schema(example = "Quảng Ngãi") String name) {
    }

    @Schema(name = "PublicProducer", description = "What the catalogue shows of a producer")
    public record PublicProducer(@Schema(example = "3f6c2a8e-5d41-4b7a-9c0e-7a1d2b3c4d51") UUID id, @Schema(example = "Hợp tác xã Nông nghiệp Tỏi Lý Sơn") String name,
                                 @Schema(example = "COOPERATIVE") String kind) {
    }
}
