package vn.ocop.monitoring.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complaint (phản ánh) about an OCOP product, filed by anyone without an account. The filer follows it by its case
 * number; provincial inspectors triage it and may open an inspection from it.
 */
@Entity
public class Complaint extends PanacheEntityBase {
    @Schema(name = "ComplaintState")
    public enum Status {
        /** Filed, not yet looked at. */
        RECEIVED,
        /** An inspector is looking into it. */
        UNDER_REVIEW,
        /** Not followed up (unfounded, not about an OCOP product…). */
        DISMISSED,
        /** An inspection of the product was opened from it. */
        INSPECTION_OPENED
    }

    @Id
    public UUID id;
    @Column(name = "case_number")
    public String caseNumber;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "certificate_id")
    public UUID certificateId;
    @Column(name = "province_code")
    public String provinceCode;
    /** The product code or certificate number the filer gave. */
    @Column(name = "subject_reference")
    public String subjectReference;
    public String description;
    @Column(name = "where_bought")
    public String whereBought;
    public String contact;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "triage_note")
    public String triageNote;
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
