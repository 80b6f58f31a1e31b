package vn.ocop.monitoring.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inspection plan (kế hoạch hậu kiểm) of a province: periodic or ad hoc, over a period, naming the products to check. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan extends PanacheEntityBase {
    @Schema(name = "InspectionPlanKind")
    public enum Kind { PERIODIC, AD_HOC }

    @Id
    public UUID id;
    @Column(name = "province_code")
    public String provinceCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String title;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
