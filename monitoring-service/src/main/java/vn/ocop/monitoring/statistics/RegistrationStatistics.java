package vn.ocop.monitoring.statistics;

import vn.ocop.platform.time.VietnamTime;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts registrations per month and province as events arrive. Runs inside the inbox transaction, so each event
 * counts exactly once; a correction takes the old facts back and counts the new ones.
 */
@ApplicationScoped
public class RegistrationStatistics {

    @Inject
    EntityManager entityManager;

    /** Adds (+1) or takes back (-1) a registered producer; one not registered yet (only corrected) counts nowhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countProducer(Producer producer, int sign) {
        if (producer.registeredAt != null) {
            add(producer.provinceCode, producer.registeredAt, sign, producer.womanLed ? sign : 0,
                    producer.ethnicMinorityLed ? sign : 0, 0);
        }
    }

    /** Adds (+1) or takes back (-1) a registered product. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countProduct(String provinceCode, Instant registeredAt, int sign) {
        add(provinceCode, registeredAt, 0, 0, 0, sign);
    }

    private void add(String provinceCode, Instant at, int producers, int womenLed, int minorityLed, int products) {
        entityManager.createNativeQuery("""
                insert into registration_figure (month, province_code, producers, women_led_producers,
                                                 ethnic_minority_led_producers, products)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (month, province_code) do update set
                    producers = registration_figure.producers + excluded.producers,
                    women_led_producers = registration_figure.women_led_producers + excluded.women_led_producers,
                    ethnic_minority_led_producers = registration_figure.ethnic_minority_led_producers + excluded.ethnic_minority_led_producers,
                    products = registration_figure.products + excluded.products""")
                .setParameter(1, YearMonth.from(at.atZone(VietnamTime.ZONE)).toString())
                .setParameter(2, provinceCode)
                .setParameter(3, producers).setParameter(4, womenLed).setParameter(5, minorityLed).setParameter(6, products)
                .executeUpdate();
    }
}
