package vn.ocop.evaluation.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A council meeting (phiên họp) on one day, with the products on its agenda ({@link SessionProduct}). */
@Entity
@Table(name = "evaluation_session")
public class EvaluationSession extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "held_on")
    public LocalDate heldOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
