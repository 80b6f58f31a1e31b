package vn.ocop.evaluation.criteria;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.evaluation.rating.CriteriaSet;

/** A validated criteria sheet waiting to be published; its body is the {@link CriteriaSet} as JSON, as for a version. */
@Entity
@Table(name = "criteria_set_draft")
public class CriteriaSetDraft extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "criteria_set_id")
    public String criteriaSetId;
    public String body;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "file_sha256")
    public String fileSha256;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;

    public CriteriaSet criteriaSet() {
        return CriteriaSetJson.read(body);
    }
}
