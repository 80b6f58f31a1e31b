package vn.ocop.registry.province;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A commune before 1/7/2025 and one commune it became; a commune split across several new ones has one row for each.
 * The code is unset where the official mapping names the former commune only.
 */
@Entity
@Table(name = "former_commune")
public class FormerCommune extends PanacheEntityBase {
    @Id
    public Integer id;
    public String code;
    public String name;
    @Column(name = "district_name")
    public String districtName;
    @Column(name = "legacy_province_code")
    public String legacyProvinceCode;
    @Column(name = "search_name")
    public String searchName;
    @Column(name = "commune_code")
    public String communeCode;
}
