package vn.ocop.registry.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a dossier's history: who did what, when, and why. */
@Entity
@Table(name = "application_transition")
public class ApplicationTransition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "application_id")
    public UUID applicationId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ApplicationStatus toStatus;
    public String actor;
    @Column(name = "actor_roles")
    public String actorRoles;
    public String reason;
    public Instant at;
}
