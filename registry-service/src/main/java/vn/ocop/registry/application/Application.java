package vn.ocop.registry.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registration dossier (hồ sơ đăng ký đánh giá, phân hạng) of one product. Forms are stored as JSON text. */
@Entity
public class Application extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ApplicationKind kind;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "product_set")
    public int productSet;
    @Column(name = "current_certificate_number")
    public String currentCertificateNumber;
    /** Số tiếp nhận on Form 01: {@code (serial)/PĐK-(province)-(commune)-(year)}, given at the first submission. */
    @Column(name = "receipt_number")
    public String receiptNumber;
    public String form01;
    public String form02;
    public String form03;
    @Column(name = "samples_received")
    public Integer samplesReceived;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;
    @Column(name = "return_reasons")
    public String returnReasons;
    /** Who filed the dossier (token subject): its producer, or an officer filing on the producer's behalf. */
    @Column(name = "filed_by")
    public String filedBy;
    /** Filed by an officer of the producer's area for the producer (nộp hộ); the dossier still belongs to the producer. */
    @Column(name = "filed_on_behalf")
    public boolean filedOnBehalf;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Version
    public long version;
}
