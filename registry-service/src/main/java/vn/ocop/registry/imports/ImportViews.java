package vn.ocop.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the import operations. */
public final class ImportViews {
    private ImportViews() {
    }

    @Schema(name = "ImportJob")
    public record JobView(@Schema(example = "5e0f3a9b-7c21-4d8e-b6a4-1f2e3d4c5b6a") UUID id,
                          @Schema(example = "RUNNING") ImportJob.Status status,
                          @Schema(example = "20000") int totalRows,
                          @Schema(description = "Rows handled so far", example = "12500") int processedRows,
                          @Schema(example = "19990") int created,
                          @Schema(example = "0") int updated,
                          @Schema(description = "Rows that matched the record as it stood: nothing written, no event", example = "0") int unchanged,
                          @Schema(example = "10") int failed,
                          @Schema(nullable = true, description = "Why the whole job failed, if it did") String error,
                          @Schema(example = "so-nnptnt-quang-ngai") String createdBy,
                          @Schema(example = "2026-05-04T01:00:00Z") Instant createdAt,
                          @Schema(nullable = true, example = "2026-05-04T01:00:01Z") Instant startedAt,
                          @Schema(nullable = true, description = "Unset while the job runs") Instant finishedAt,
                          @Schema(nullable = true, description = "Rows per second over the job so far", example = "1200.0") Double rowsPerSecond,
                          @Schema(nullable = true, description = "While QUEUED: how many jobs start before this one, plus one (1 = next). Jobs run "
                                  + "one per province at a time, provinces served in turn, oldest first within a province",
                                  example = "2") Integer queuePosition,
                          @Schema(description = "A cancel was asked; a RUNNING job stops after the batch in hand (CANCELLED)")
                          boolean cancelRequested) {

        static JobView of(ImportJob job, Integer queuePosition) {
            Instant end = job.finishedAt != null ? job.finishedAt : Instant.now();
            Double rate = null;
            if (job.startedAt != null && job.processedRows > 0) {
                double seconds = Math.max(0.001, (end.toEpochMilli() - job.startedAt.toEpochMilli()) / 1000.0);
                rate = Math.round(job.processedRows / seconds * 10) / 10.0;
            }
            return new JobView(job.id, job.status, job.totalRows, job.processedRows, job.createdCount, job.updatedCount,
                    job.unchangedCount, job.failedCount, job.error, job.createdBy, job.createdAt, job.startedAt, job.finishedAt,
                    rate, job.status == ImportJob.Status.QUEUED ? queuePosition : null, job.cancelRequested);
        }
    }

    @Schema(name = "ImportRowError")
    public record RowError(@Schema(example = "communeCode") String field,
                           @Schema(example = "commune 17278 lies in province 40, not 51") String reason) {
    }

    @Schema(name = "ImportRowResult")
    public record RowView(@Schema(description = "Row number in the upload, from 1", example = "42") int row,
                          @Schema(example = "FAILED") ImportRowResult.Outcome outcome,
                          @Schema(nullable = true, example = "PRODUCT") String entityType,
                          @Schema(nullable = true, description = "The record created or updated; unset for a failed row") UUID entityId,
                          @Schema(nullable = true, example = "LD-SP-0042") String externalRef,
                          @Schema(description = "Why the row was refused; empty for a row written") List<RowError> errors) {
    }
}
