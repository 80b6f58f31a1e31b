package vn.ocop.market.sales;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The programme's market targets (QĐ 919, OCOP.md §6): at least 50% of certified producers present in modern channels
 * (e-commerce, supermarket chains, supermarkets/malls), and one approved OCOP point of sale in every province.
 */
@Schema(name = "MarketIndicators")
public record MarketIndicators(
        @Schema(description = "Producers with at least one active certificate") long certifiedProducers,
        @Schema(description = "Of those, producers with an active listing on a modern channel") long producersInModernChannels,
        @Schema(description = "producersInModernChannels / certifiedProducers, 0 when there are none") BigDecimal modernChannelShare,
        BigDecimal modernChannelTarget,
        boolean modernChannelTargetMet,
        int provinces,
        @Schema(description = "Provinces still without an approved point of sale (target: none)") List<Province> provincesWithoutApprovedPoint) {

    public record Province(String code, String name) {
    }
}
