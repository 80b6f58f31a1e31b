package vn.ocop.market.listing;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A listing to create: the product and exactly one of channelId / pointOfSaleId. */
@Schema(name = "ListingRequest")
public record ListingRequest(
        @NotNull UUID productId,
        UUID channelId,
        UUID pointOfSaleId,
        @Size(max = 200) @Schema(example = "PM-TOILYSON-500G") String externalSku,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String externalUrl,
        @NotNull @PositiveOrZero @Max(10_000_000_000L) @Schema(description = "Price in whole VND", example = "185000") Long priceVnd,
        @NotNull @Schema(description = "Date the product went on sale there") LocalDate since) {
}
