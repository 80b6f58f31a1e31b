package vn.ocop.market.listing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The commercial details of a listing that may change. */
@Schema(name = "ListingUpdate")
public record ListingUpdate(
        @Size(max = 200) String externalSku,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String externalUrl,
        @NotNull @PositiveOrZero @Max(10_000_000_000L) Long priceVnd) {
}
