package vn.ocop.evaluation.session;

import java.math.BigDecimal;
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
import vn.ocop.evaluation.rating.Outcome;

/** A council's closed result for one product (what ProductRated announces); never changed afterwards. */
@Entity
@Table(name = "evaluation_result")
public class EvaluationResult extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_product_id")
    public UUID sessionProductId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "product_code")
    public String productCode;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "product_set")
    public int productSet;
    @Enumerated(EnumType.STRING)
    @Column(name = "council_level")
    public CouncilLevel councilLevel;
    @Column(name = "criteria_set_id")
    public String criteriaSetId;
    @Column(name = "average_score")
    public BigDecimal averageScore;
    public int band;
    @Column(name = "mandatory_level")
    public int mandatoryLevel;
    public int stars;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    /** Upheld knock-out grounds, JSON array. */
    @Column(name = "knock_outs")
    public String knockOuts;
    /** The next level's minima the council did not count as met, JSON array of MissingMinimum. */
    @Column(name = "unmet_minima")
    public String unmetMinima;
    @Column(name = "sheet_count")
    public int sheetCount;
    @Column(name = "rated_on")
    public LocalDate ratedOn;
    @Column(name = "rated_at")
    public Instant ratedAt;
    /** Whether a recognition decision has issued a certificate from this result. */
    public boolean recognised;
}
