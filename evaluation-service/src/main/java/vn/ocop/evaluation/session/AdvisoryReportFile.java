package vn.ocop.evaluation.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The signed advisory report as a file (scan or PDF) attached to the report; one per report, never replaced. */
@Entity
@Table(name = "advisory_report_file")
public class AdvisoryReportFile extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "report_id")
    public UUID reportId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    /** Null when files are kept in the configured storage directory. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "uploaded_by")
    public String uploadedBy;

    public static AdvisoryReportFile ofReport(UUID reportId) {
        return find("reportId", reportId).firstResult();
    }
}
