package vn.ocop.evaluation.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A dossier (hồ sơ, phiếu đăng ký) the province accepted, from the registry's ApplicationSubmitted: what a provincial
 * session may put on its agenda.
 */
@Entity
public class Application extends PanacheEntityBase {
    public static final String SUBMITTED = "SUBMITTED";
    public static final String IN_SESSION = "IN_SESSION";
    public static final String EVALUATED = "EVALUATED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    public UUID id;
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
    /** FIRST_RATING, UPGRADE or RE_RATING. */
    public String kind;
    @Column(name = "current_certificate_number")
    public String currentCertificateNumber;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    public String status;
    @Column(name = "received_at")
    public Instant receivedAt;
}
