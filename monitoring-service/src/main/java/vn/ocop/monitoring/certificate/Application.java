package vn.ocop.monitoring.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A registration dossier (phiếu đăng ký) as the registry announced it; kept to tell whether a product in its re-rating
 * window has filed. {@code kind} is null when only the withdrawal has arrived so far.
 */
@Entity
public class Application extends PanacheEntityBase {
    public static final String RE_RATING = "RE_RATING";

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    public String kind;
    @Column(name = "current_certificate_number")
    public String currentCertificateNumber;
    @Column(name = "accepted_on")
    public LocalDate acceptedOn;
    public boolean withdrawn;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
