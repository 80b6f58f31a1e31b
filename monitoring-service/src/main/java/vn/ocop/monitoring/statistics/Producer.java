package vn.ocop.monitoring.statistics;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A producer (chủ thể OCOP) as the programme statistics need it: kind, province, women- and ethnic-minority-led. Fed by
 * ProducerRegistered (version 0) and ProducerUpdated (registry version after the correction); {@code registeredAt} is
 * null while only a correction has arrived.
 */
@Entity
public class Producer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kind;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "woman_led")
    public boolean womanLed;
    @Column(name = "ethnic_minority_led")
    public boolean ethnicMinorityLed;
    @Column(name = "registered_at")
    public Instant registeredAt;
    public long version;

    static boolean womanLed(String representativeGender) {
        return "FEMALE".equals(representativeGender);
    }
}
