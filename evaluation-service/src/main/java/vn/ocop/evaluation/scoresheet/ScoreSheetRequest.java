package vn.ocop.evaluation.scoresheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's choices for one product. Totals are the server's: a request carrying {@code total} is refused.
 *
 * @param amendmentReason required when the member already submitted a sheet for this product (the new one amends it)
 */
@Schema(name = "ScoreSheetRequest")
public record ScoreSheetRequest(
        @NotNull UUID productId,
        @NotEmpty @Schema(description = "criterion code → option code, one for every criterion", example = "{\"1.1\": \"1.1.c\", \"1.5\": \"1.5.c\"}")
        Map<String, String> choices,
        @Schema(description = "Knock-out grounds the member found", example = "[]") List<String> knockOuts,
        @Size(max = 1000) @Schema(description = "Why an already submitted sheet is amended") String amendmentReason,
        @Schema(hidden = true) BigDecimal total,
        @Schema(hidden = true) Map<String, BigDecimal> partTotals) {
}
