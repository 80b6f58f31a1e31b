package vn.ocop.evaluation.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.evaluation.rating.CouncilLevel;

/**
 * A recognition decision (quyết định công nhận): the provincial chairman's for 3★/4★, the Minister's for 5★; here
 * signed by the officer acting for them.
 */
@Entity
@Table(name = "recognition_decision")
public class RecognitionDecision extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Enumerated(EnumType.STRING)
    public CouncilLevel level;
    @Column(name = "province_code")
    public String provinceCode;
    public String signer;
    @Column(name = "created_at")
    public Instant createdAt;
}
