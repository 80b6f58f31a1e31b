package vn.ocop.evaluation.certificateimport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the certificate import operations. */
public final class CertificateImportViews {
    private CertificateImportViews() {
    }

    @Schema(name = "CertificateImportJob")
    public record JobView(@Schema(example = "7d7a0f0e-2b8c-4f3e-9a51-0c4b6e1d2f30") UUID id,
                          @Schema(example = "COMPLETED") CertificateImportJob.Status status,
                          @Schema(example = "3") int totalRows,
                          @Schema(description = "Rows handled so far", example = "3") int processedRows,
                          @Schema(description = "Certificates brought in", example = "1") int created,
                          @Schema(description = "Rows already here with the same content", example = "1") int unchanged,
                          @Schema(example = "1") int failed,
                          @Schema(nullable = true, description = "Why the whole job failed, if it did") String error,
                          @Schema(example = "so-nnptnt-quang-ngai") String createdBy,
                          Instant createdAt, @Schema(nullable = true) Instant startedAt,
                          @Schema(nullable = true, description = "Unset while the job runs") Instant finishedAt) {

        static JobView of(CertificateImportJob job) {
            return new JobView(job.id, job.status, job.totalRows, job.processedRows, job.createdCount, job.unchangedCount,
                    job.failedCount, job.error, job.createdBy, job.createdAt, job.startedAt, job.finishedAt);
        }
    }

    @Schema(name = "CertificateImportRowError")
    public record RowError(@Schema(example = "stars") String field,
                           @Schema(example = "a 5★ certificate is recognised at CENTRAL level, not PROVINCE") String reason) {
    }

    @Schema(name = "CertificateImportRowResult")
    public record RowView(@Schema(description = "Row number in the upload, from 1", example = "2") int row,
                          @Schema(example = "FAILED") CertificateImportRow.Outcome outcome,
                          @Schema(example = "123/QĐ-UBND") String certificateNumber,
                          @Schema(nullable = true, description = "The certificate created or found; unset for a failed row") UUID certificateId,
                          @Schema(nullable = true) List<RowError> errors) {
    }
}
