package vn.ocop.monitoring.evidence;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where evidence files go and how large they may be. */
@ConfigMapping(prefix = "ocop.monitoring.evidence")
public interface EvidenceStorageConfig {

    /** Largest accepted file, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /** A directory for file contents (named by SHA-256); when absent, contents are kept in PostgreSQL (bytea). */
    Optional<String> directory();
}
