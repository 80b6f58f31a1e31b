package vn.ocop.evaluation.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A product on a session's agenda, scored against the criteria set in force on the session day; closed on its own. */
@Entity
@Table(name = "session_product")
public class SessionProduct extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String CLOSED = "CLOSED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
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
    @Column(name = "criteria_set_id")
    public String criteriaSetId;
    @Column(name = "application_id")
    public UUID applicationId;
    /** For a central session: the provincial result that nominated the product. */
    @Column(name = "nomination_result_id")
    public UUID nominationResultId;
    public String status;
    @Column(name = "result_id")
    public UUID resultId;

    public static SessionProduct of(UUID sessionId, UUID productId) {
        return find("sessionId = ?1 and productId = ?2", sessionId, productId).firstResult();
    }
}
