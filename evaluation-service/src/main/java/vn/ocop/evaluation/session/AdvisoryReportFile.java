package vn.ocop.evaluation.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.ocop.platform.files.StoredFile;

/** The signed advisory report as a file (scan or PDF) attached to the report; one per report, never replaced. */
@Entity
@Table(name = "advisory_report_file")
public class AdvisoryReportFile extends StoredFile {
    @Id
    public UUID id;
    @Column(name = "report_id")
    public UUID reportId;

    public static AdvisoryReportFile ofReport(UUID reportId) {
        return find("reportId", reportId).firstResult();
    }
}
