package vn.ocop.registry.province;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A provincial-level unit (tỉnh / thành phố trực thuộc trung ương) of the unit list in force. */
@Entity
@Cacheable
public class Province extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String kind;
    @Column(name = "unit_list")
    public String unitList;
}
