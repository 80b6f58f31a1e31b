package vn.ocop.evaluation.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.evaluation.rating.CriteriaSet;

/** A published criteria set version: never updated; its body is the {@link CriteriaSet} as JSON. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSetVersion extends PanacheEntityBase {
    @Id
    public String id;
    public String title;
    @Column(name = "product_set")
    public int productSet;
    public String decision;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;
    public String body;
    @Column(name = "body_hash")
    public String bodyHash;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;

    public CriteriaSet criteriaSet() {
        return CriteriaSetJson.read(body);
    }

    /** The version in force on {@code day} for a product set: of those covering the day, the one that took effect last. */
    public static Optional<CriteriaSetVersion> inForce(int productSet, LocalDate day) {
        return find("productSet = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo >= ?2) "
                + "order by effectiveFrom desc, publishedAt desc", productSet, day).firstResultOptional();
    }
}
