package vn.ocop.market.sales;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One listing's figures for one month. Sending the same listing and period again replaces the figures. */
@Schema(name = "SalesReportRequest")
public record SalesReportRequest(
        @NotNull UUID listingId,
        @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month YYYY-MM") @Schema(example = "2026-10") String period,
        @NotNull @PositiveOrZero @Schema(description = "Units sold", example = "420") Long quantity,
        @NotNull @PositiveOrZero @Schema(description = "Revenue in whole VND", example = "77700000") Long revenueVnd) {
}
