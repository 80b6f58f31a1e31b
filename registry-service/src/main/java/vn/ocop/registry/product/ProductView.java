package vn.ocop.registry.product;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.certification.CertificationView;

@Schema(name = "Product")
public record ProductView(
        UUID id,
        @Schema(description = "Product code (province)-(commune)-(serial)-(year)", example = "51-21898-1-2026") String code,
        String name,
        int productSet,
        UUID producerId,
        String provinceCode,
        String communeCode,
        String unitList,
        String description,
        String story,
        @Schema(description = "Current certification, kept up to date from evaluation and monitoring events")
        CertificationView certification,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ProductView of(Product p, CertificationView certification) {
        return new ProductView(p.id, p.code, p.name, p.productSet, p.producerId, p.provinceCode, p.communeCode, p.unitList,
                p.description, p.story, certification, p.createdAt, p.updatedAt, p.version);
    }
}
