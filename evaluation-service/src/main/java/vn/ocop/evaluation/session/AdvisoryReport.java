package vn.ocop.evaluation.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The advisory team's report (báo cáo của tổ tư vấn) attached to a session: a summary, a recommendation per product on
 * the agenda, an optional link to the signed document, its author and date. One per session; never changed.
 */
@Entity
@Table(name = "advisory_report")
public class AdvisoryReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    public String summary;
    @Column(name = "attachment_url")
    public String attachmentUrl;
    public String author;
    @Column(name = "report_date")
    public LocalDate reportDate;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisory_recommendation", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    public List<Recommendation> recommendations = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    @Embeddable
    public static class Recommendation {
        @Column(name = "product_id")
        public UUID productId;
        public String recommendation;
    }

    public static AdvisoryReport ofSession(UUID sessionId) {
        return find("sessionId", sessionId).firstResult();
    }
}
