package vn.ocop.evaluation.certificate;

import java.math.BigDecimal;
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

/**
 * An OCOP certificate (giấy chứng nhận sản phẩm OCOP), valid for the period the rules in force on its issue date
 * set ({@code ProgrammeRules#validUntil}). A migrated certificate was
 * issued before this system and brought in by a certificate import: it keeps its original number, decision number and
 * dates, and has no evaluation result or recognition decision here.
 */
@Entity
public class Certificate extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "product_code")
    public String productCode;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    public int stars;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "criteria_set_id")
    public String criteriaSetId;
    @Column(name = "result_id")
    public UUID resultId;
    @Column(name = "decision_id")
    public UUID decisionId;
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;
    @Column(name = "supersedes_id")
    public UUID supersedesId;
    @Column(name = "superseded_by_id")
    public UUID supersededById;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    public boolean migrated;
    /** The decision that issued a migrated certificate (a native one names its decision by decisionId). */
    @Column(name = "decision_number")
    public String decisionNumber;
    /** PROVINCE or CENTRAL, for a migrated certificate. */
    public String level;
    /** The issuing province code as the import gave it (a former code is kept here; provinceCode holds today's). */
    @Column(name = "issuing_province")
    public String issuingProvince;
    /** The total score stated for a migrated certificate, if the import gave one. */
    public BigDecimal score;
    @Version
    public long version;
}
