package vn.ocop.evaluation.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.MandatoryAgreement;
import vn.ocop.evaluation.round.RoundCalendar;

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
    /** The council's regulation (quy chế hoạt động): decision number and date; required once it allows extra rounds. */
    public String regulation;
    /** Extra rounds (đợt bổ sung) the regulation allows, in addition to the round calendar. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "council_extra_round", joinColumns = @JoinColumn(name = "council_id"))
    @OrderColumn(name = "position")
    public List<ExtraRound> extraRounds = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public MandatoryAgreement agreement() {
        return new MandatoryAgreement(mandatoryShare, mandatoryStrict);
    }

    /** The extra rounds as the round calendar takes them. */
    public List<RoundCalendar.ExtraRound> calendarExtraRounds() {
        return extraRounds.stream().map(e -> new RoundCalendar.ExtraRound(e.filesDueBy, e.decideBy, regulation)).toList();
    }

    /** An extra round's dates. */
    @Embeddable
    public static class ExtraRound {
        @Column(name = "files_due_by")
        public LocalDate filesDueBy;
        @Column(name = "decide_by")
        public LocalDate decideBy;
    }

    public Optional<CouncilMember> member(String subject) {
        return members.stream().filter(m -> m.subject.equals(subject)).findFirst();
    }
}
