package vn.ocop.monitoring.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.monitoring.revocation.RevocationGround;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post-certification inspection (hậu kiểm) of one product: opened (from a plan, a complaint or ad hoc), then
 * completed once with its checklist, findings, lab results and outcome.
 */
@Entity
public class Inspection extends PanacheEntityBase {
    @Schema(name = "InspectionStatus")
    public enum Status { OPEN, COMPLETED }

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "complaint_id")
    public UUID complaintId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "certificate_id")
    public UUID certificateId;
    @Column(name = "province_code")
    public String provinceCode;
    public String inspector;
    @Column(name = "inspected_on")
    public LocalDate inspectedOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "criteria_still_met")
    public Boolean criteriaStillMet;
    @Column(name = "mark_use_proper")
    public Boolean markUseProper;
    @Column(name = "label_matches")
    public Boolean labelMatches;
    @Column(name = "food_safety_ok")
    public Boolean foodSafetyOk;
    @Column(name = "production_active")
    public Boolean productionActive;
    /** JSON array of {@link InspectionCompletion.Finding}. */
    public String findings;
    /** JSON array of {@link InspectionCompletion.LabResult}. */
    @Column(name = "lab_results")
    public String labResults;
    @Enumerated(EnumType.STRING)
    public InspectionOutcome outcome;
    @Column(name = "corrective_deadline")
    public LocalDate correctiveDeadline;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_ground")
    public RevocationGround proposedGround;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
