package vn.ocop.evaluation.round;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;

/**
 * A product whose round's decision deadline passed without a closed result at that level: an accepted dossier at the
 * provincial level, or a provincial 5★ nomination at the central level.
 */
@Schema(name = "CarriedOverProduct")
public record CarriedOverView(
        @Schema(description = "The level whose round passed", example = "CENTRAL") CouncilLevel level,
        @Schema(nullable = true, description = "The accepted dossier (provincial level)") UUID applicationId,
        @Schema(nullable = true, description = "The provincial result that nominated the product for 5★ (central level)") UUID nominationResultId,
        UUID productId, String productCode, UUID producerId, String provinceCode,
        @Schema(description = "FIRST_RATING, UPGRADE or RE_RATING; FIVE_STAR_NOMINATION at the central level",
                enumeration = {"FIRST_RATING", "UPGRADE", "RE_RATING", "FIVE_STAR_NOMINATION"}) String kind,
        @Schema(description = "When the dossier was accepted (provincial) or the province nominated the product (central)") Instant acceptedAt,
        @Schema(description = "AWAITING (on no session's agenda yet) or IN_SESSION (on an agenda, not closed)",
                enumeration = {"AWAITING", "IN_SESSION"}) String status,
        Round round) {
}
