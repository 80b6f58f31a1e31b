package vn.ocop.market.wheretobuy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.channel.ChannelKind;
import vn.ocop.market.pointofsale.LocationCategory;

/** Where the public can buy a certified product: its channels and its approved points of sale. */
@Schema(name = "WhereToBuy")
public record WhereToBuy(UUID productId, String productCode,
                         @Schema(nullable = true, description = "null until the registry's product has reached market") String productName,
                         String certificateNumber, Integer stars,
                         LocalDate certificateValidUntil, List<Online> channels, List<Shop> pointsOfSale) {

    @Schema(name = "OnlineOffer")
    public record Online(UUID channelId, String channel, ChannelKind kind, String website, @Schema(nullable = true) String productUrl, long priceVnd) {
    }

    @Schema(name = "ShopOffer")
    public record Shop(UUID pointOfSaleId, String name, LocationCategory category, String provinceCode, String communeCode,
                       String address, @Schema(nullable = true) BigDecimal latitude, @Schema(nullable = true) BigDecimal longitude,
                       @Schema(nullable = true) String openingHours, long priceVnd) {
    }
}
