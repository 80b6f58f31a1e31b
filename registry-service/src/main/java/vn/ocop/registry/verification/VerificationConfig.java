package vn.ocop.registry.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Public addresses printed on packaging and linked from the verification page. */
@ConfigMapping(prefix = "ocop.public")
public interface VerificationConfig {

    /** Base URL of this registry as shoppers reach it: QR codes carry {@code <base-url>/c/<number>}. */
    @WithDefault("http://localhost:8081")
    String baseUrl();

    /** Monitoring's complaint intake; the page links to it with {@code ?certificate=<number>}. */
    @WithDefault("http://localhost:8084/api/v1/complaints")
    String complaintUrl();

    /** Market's public where-to-buy operation; the page links to it with {@code ?product=<product id>}. */
    @WithDefault("http://localhost:8083/api/v1/public/where-to-buy")
    String whereToBuyUrl();
}
