package vn.ocop.market.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sales channel to register or update. The notification secret is write-only. */
@Schema(name = "ChannelRequest")
public record ChannelRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Postmart") String name,
        @NotNull ChannelKind kind,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Schema(example = "https://postmart.vn") String website,
        @NotBlank @Size(max = 300) @Schema(example = "Tổng công ty Bưu điện Việt Nam") String operatorName,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String notificationUrl,
        @Size(min = 16, max = 200) @Schema(description = "Shared secret for the HMAC-SHA256 signature; never returned") String notificationSecret) {
}
