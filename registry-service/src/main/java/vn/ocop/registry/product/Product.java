package vn.ocop.registry.product;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An OCOP product of a producer, identified by its product code {@code T-X-STT-YYYY}. */
@Entity
public class Product extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    /** The importing system's own key for this record (bulk import): importing the same key again updates it. */
    @Column(name = "external_ref")
    public String externalRef;
    public String name;
    /** One of the 26 product sets (bộ sản phẩm) of Annex I; it selects the score sheet. */
    @Column(name = "product_set")
    public int productSet;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    /** The former commune code or name given, when it was mapped to {@link #communeCode}. */
    @Column(name = "legacy_commune_code")
    public String legacyCommuneCode;
    @Column(name = "unit_list")
    public String unitList;
    public String description;
    /** Câu chuyện sản phẩm: the product story, itself scored in part B. */
    public String story;
    /** Quy cách, bao bì. */
    public String specification;
    /** Mã số vùng trồng: the registered raw-material growing area. */
    @Column(name = "raw_material_area_code")
    public String rawMaterialAreaCode;
    public String gtin;
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

    /**
     * Copies what the producer describes (everything but identity, codes and location) from a request; refuses (409
     * GTIN_TAKEN) a GTIN another product already has. Call it once {@link #id} is set.
     */
    public void describe(ProductRequest request) {
        GtinOwners.requireFree(request.gtin(), id);
        name = request.name().trim();
        productSet = request.productSet();
        description = request.description();
        story = request.story();
        specification = request.specification();
        rawMaterialAreaCode = request.rawMaterialAreaCode();
        gtin = request.gtin();
    }
}
