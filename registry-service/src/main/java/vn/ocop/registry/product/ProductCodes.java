package vn.ocop.registry.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.ocop.platform.time.LegalClock;

/**
 * Assigns product codes {@code (province)-(commune)-(serial)-(year)} (score-sheet header, QĐ 26/2026). The serial per
 * commune and year is taken with an atomic upsert, so concurrent registrations never share a code and a code is never
 * reused, even if the product is later removed.
 */
@ApplicationScoped
public class ProductCodes {

    @Inject
    EntityManager entityManager;

    @Inject
    LegalClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String provinceCode, String communeCode) {
        int year = clock.today().getYear();
        Number serial = (Number) entityManager.createNativeQuery("""
                insert into product_code_sequence (province_code, commune_code, year, last_serial) values (?1, ?2, ?3, 1)
                on conflict (province_code, commune_code, year)
                do update set last_serial = product_code_sequence.last_serial + 1
                returning last_serial""")
                .setParameter(1, provinceCode).setParameter(2, communeCode).setParameter(3, year)
                .getSingleResult();
        return provinceCode + "-" + communeCode + "-" + serial.intValue() + "-" + year;
    }
}
