package vn.ocop.registry.application;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where dossier files go and how large they may be. */
@ConfigMapping(prefix = "ocop.registry.documents")
public interface DocumentStorageConfig {

    /** Largest accepted file, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /** A directory for file contents (named by SHA-256); when absent, contents are kept in PostgreSQL (bytea). */
    Optional<String> directory();
}
