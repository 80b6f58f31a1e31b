package vn.ocop.market.promotion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Promotion")
public record PromotionView(UUID id, String name, PromotionKind kind, LocalDate startsOn, LocalDate endsOn,
                            @Schema(nullable = true) String provinceCode, @Schema(nullable = true) String place, @Schema(nullable = true) String platform, List<Participant> products, long version) {

    /** A participating product and the certificate it takes part under. */
    public record Participant(UUID productId, String productCode, UUID certificateId, String certificateNumber, Integer stars) {
    }
}
