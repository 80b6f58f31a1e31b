package vn.ocop.evaluation.session;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where advisory report files go and how large they may be ({@code ocop.evaluation.report-files.*}). */
@ConfigMapping(prefix = "ocop.evaluation.report-files")
public interface ReportFileStorage {

    /** Largest accepted file, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /** A directory for file contents (named by SHA-256); when absent, contents are kept in PostgreSQL (bytea). */
    Optional<String> directory();
}
