package vn.ocop.registry.province;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Commune", description = "A commune-level unit: xã (COMMUNE), phường (WARD) or đặc khu (SPECIAL_ZONE)")
public record CommuneView(
        @Schema(example = "21548") String code,
        @Schema(example = "Đặc khu Lý Sơn") String name,
        @Schema(example = "SPECIAL_ZONE") CommuneKind kind,
        @Schema(example = "51") String provinceCode,
        @Schema(example = "2025") String unitList) {

    static CommuneView of(Commune c) {
        return new CommuneView(c.code, c.name, c.kind, c.provinceCode, c.unitList);
    }
}
