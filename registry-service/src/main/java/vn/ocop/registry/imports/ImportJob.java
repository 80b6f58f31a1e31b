package vn.ocop.registry.imports;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bulk upload of producers and products, processed in the background. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {
    @Schema(name = "ImportJobStatus")
    public enum Status {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, INTERRUPTED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "media_type")
    public String mediaType;
    @Basic(fetch = FetchType.LAZY)
    public String content;
    /** The province the importer may write to; null for a central officer. */
    @Column(name = "scope_province")
    public String scopeProvince;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "processed_rows")
    public int processedRows;
    @Column(name = "created_count")
    public int createdCount;
    @Column(name = "updated_count")
    public int updatedCount;
    @Column(name = "unchanged_count")
    public int unchangedCount;
    @Column(name = "failed_count")
    public int failedCount;
    public String error;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
}
