package vn.ocop.registry.province;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of the 63 provinces before 1/7/2025, with the unit it merged into. */
@Entity
@Cacheable
@Table(name = "legacy_province")
public class LegacyProvince extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "merged_into")
    public String mergedInto;
}
