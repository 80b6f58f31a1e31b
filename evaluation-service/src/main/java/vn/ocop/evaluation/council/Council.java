package vn.ocop.evaluation.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.MandatoryAgreement;

/** An evaluation council (hội đồng đánh giá, phân hạng sản phẩm OCOP): a province's, or the central one. */
@Entity
public class Council extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public CouncilLevel level;
    /** Null for the central council. */
    @Column(name = "province_code")
    public String provinceCode;
    /** How many scoring members must have submitted a sheet before a product can be closed (the council's regulation). */
    public int quorum;
    @Column(name = "mandatory_share")
    public BigDecimal mandatoryShare;
    @Column(name = "mandatory_strict")
    public boolean mandatoryStrict;
    @OneToMany(mappedBy = "council", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, subject")
    public List<CouncilMember> members = new ArrayList<>();
    /** The advisory team (tổ tư vấn), in the order given. */
    @OneToMany(mappedBy = "council", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AdvisoryMember> advisers = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public MandatoryAgreement agreement() {
        return new MandatoryAgreement(mandatoryShare, mandatoryStrict);
    }

    public Optional<CouncilMember> member(String subject) {
        return members.stream().filter(m -> m.subject.equals(subject)).findFirst();
    }
}
