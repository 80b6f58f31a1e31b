package vn.ocop.registry.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.certification.CertificateVerification;

/** The resolver's answer for machines: the trade item, its current certificate and where people read about it. */
@Schema(name = "DigitalLinkAnswer")
public record DigitalLinkAnswer(
        @Schema(description = "The GTIN as GTIN-14", example = "08936045123454") String gtin,
        @Schema(nullable = true, description = "Batch/lot (AI 10) when the link names one; certification is per product, not per lot",
                example = "L2026-03") String lot,
        @Schema(description = "The page for people (gs1:certificationInfo)", example = "https://ocop.gov.vn/c/OCOP-51-2026-00001")
        String certificationInfo,
        @Schema(description = "The product's current certificate") CertificateVerification certificate) {
}
