package vn.ocop.evaluation.scoresheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member's score sheet (phiếu đánh giá) for one product of a session. Never updated except that an amendment clears
 * {@link #current} on the revision it replaces; the amendment is a new row with the next revision and a reason.
 */
@Entity
@Table(name = "score_sheet")
public class ScoreSheet extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_product_id")
    public UUID sessionProductId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "member_subject")
    public String memberSubject;
    public int revision;
    public boolean current;
    /** criterion code → option code, JSON object in sheet order. */
    public String choices;
    /** Knock-out ground codes, JSON array. */
    @Column(name = "knock_outs")
    public String knockOuts;
    public BigDecimal total;
    /** part code → points, JSON object. */
    @Column(name = "part_totals")
    public String partTotals;
    @Column(name = "mandatory_level")
    public int mandatoryLevel;
    @Column(name = "amendment_reason")
    public String amendmentReason;
    @Column(name = "supersedes_id")
    public UUID supersedesId;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static List<ScoreSheet> currentFor(UUID sessionProductId) {
        return list("sessionProductId = ?1 and current = true order by memberSubject", sessionProductId);
    }
}
