package vn.ocop.registry.producer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A producer (chủ thể OCOP): the cooperative, enterprise, farm or household that makes OCOP products. */
@Entity
public class Producer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ProducerKind kind;
    @Column(name = "tax_code")
    public String taxCode;
    /** The importing system's own key for this record (bulk import): importing the same key again updates it. */
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "province_code")
    public String provinceCode;
    /** The former province code the producer was registered with, when it was mapped (e.g. 94 → 92). */
    @Column(name = "legacy_province_code")
    public String legacyProvinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    /** The former commune code or name given, when it was mapped to {@link #communeCode}. */
    @Column(name = "legacy_commune_code")
    public String legacyCommuneCode;
    @Column(name = "unit_list")
    public String unitList;
    public String address;
    public String phone;
    public String email;
    @Embedded
    public Representative representative;
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
