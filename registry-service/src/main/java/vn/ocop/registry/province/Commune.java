package vn.ocop.registry.province;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A commune-level unit (xã / phường / đặc khu) of a province in the unit list in force. */
@Entity
@Cacheable
public class Commune extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CommuneKind kind;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "unit_list")
    public String unitList;
    /** The name folded by {@link SearchText#fold}, so filters ignore diacritics and case. */
    @Column(name = "search_name")
    public String searchName;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
