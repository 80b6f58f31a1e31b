package vn.ocop.monitoring.scan;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate that was still scanned after it ended, summed over the days asked about. */
@Schema(name = "LapsedScan", description = "A certificate scanned after its end (revoked, expired or superseded): "
        + "lapsed packaging is probably still on sale")
public record LapsedScanView(
        UUID certificateId,
        @Schema(example = "OCOP-51-2026-00001") String certificateNumber,
        UUID productId,
        @Schema(example = "51-21040-1-2026") String productCode,
        @Schema(example = "Tỏi cô đơn Lý Sơn") String productName,
        @Schema(example = "51") String provinceCode,
        @Schema(description = "Status when last scanned", enumeration = {"REVOKED", "EXPIRED", "SUPERSEDED"}) String status,
        @Schema(description = "First day with a scan in the period") LocalDate firstScannedOn,
        @Schema(description = "Last day with a scan in the period") LocalDate lastScannedOn,
        @Schema(description = "Days with at least one scan in the period") int daysScanned,
        @Schema(description = "Scans counted when each day was signalled (at least this many)") long scans) {
}
