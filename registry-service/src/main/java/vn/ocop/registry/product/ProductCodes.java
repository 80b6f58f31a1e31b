package vn.ocop.registry.product;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import vn.ocop.platform.time.LegalClock;

/**
 * Assigns product codes {@code (province)-(commune)-(serial)-(year)} (score-sheet header, QĐ 26/2026). The serial per
 * commune and year is taken with an atomic upsert, so concurrent registrations never share a code and a code is never
 * reused, even if the product is later removed. A transaction registering many products (an import batch) may
 * {@link #reserve} their serials in one statement; {@link #next} then gives them out, and {@link #release} gives back
 * those it did not use, so the serials stay without gaps.
 */
@ApplicationScoped
public class ProductCodes {
    private static final String RESERVED = "ocop.product-codes.reserved";
    private static final String SEQUENCE = "product_code_sequence";

    /** A commune of a province, where products take their serials. */
    public record Place(String provinceCode, String communeCode) {
    }

    private record Key(Place place, int year) {
    }

    /** Serials reserved at one place: the next to give out, and the last. */
    private static final class Serials {
        int next;
        final int last;

        Serials(int next, int last) {
            this.next = next;
            this.last = last;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    LegalClock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String provinceCode, String communeCode) {
        int year = clock.today().getYear();
        Serials reserved = reserved().get(new Key(new Place(provinceCode, communeCode), year));
        int serial;
        if (reserved != null && reserved.next <= reserved.last) {
            serial = reserved.next++;
        } else {
            serial = ((Number) sequenceStatement("""
                    insert into product_code_sequence (province_code, commune_code, year, last_serial) values (?1, ?2, ?3, 1)
                    on conflict (province_code, commune_code, year)
                    do update set last_serial = product_code_sequence.last_serial + 1
                    returning last_serial""")
                    .setParameter(1, provinceCode).setParameter(2, communeCode).setParameter(3, year)
                    .getSingleResult()).intValue();
        }
        return provinceCode + "-" + communeCode + "-" + serial + "-" + year;
    }

    /**
     * Reserves, in one statement, {@code counts} serials at each place for this transaction's {@link #next}; the rows
     * stay locked until it ends, so the serials given back by {@link #release} are exactly the last ones.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Map<Place, Integer> counts) {
        int year = clock.today().getYear();
        // a fixed order of places: two transactions reserving overlapping places lock them in the same order
        List<Map.Entry<Place, Integer>> wanted = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Comparator.comparing((Map.Entry<Place, Integer> e) -> e.getKey().provinceCode())
                        .thenComparing(e -> e.getKey().communeCode()))
                .toList();
        if (wanted.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into product_code_sequence (province_code, commune_code, year, last_serial) values ");
        for (int i = 0; i < wanted.size(); i++) {
            int p = i * 4;
            sql.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, ?%d)".formatted(p + 1, p + 2, p + 3, p + 4));
        }
        sql.append(" on conflict (province_code, commune_code, year) do update set last_serial = product_code_sequence.last_serial"
                + " + excluded.last_serial returning province_code, commune_code, last_serial");
        NativeQuery<?> insert = sequenceStatement(sql.toString());
        int p = 1;
        for (Map.Entry<Place, Integer> e : wanted) {
            insert.setParameter(p++, e.getKey().provinceCode()).setParameter(p++, e.getKey().communeCode())
                    .setParameter(p++, year).setParameter(p++, e.getValue());
        }
        Map<Key, Serials> reserved = reserved();
        for (Object row : insert.getResultList()) {
            Object[] r = (Object[]) row;
            Place place = new Place((String) r[0], (String) r[1]);
            int last = ((Number) r[2]).intValue();
            reserved.put(new Key(place, year), new Serials(last - counts.get(place) + 1, last));
        }
    }

    /** Gives back the serials {@link #reserve}d in this transaction and not given out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release() {
        Map<Key, Serials> reserved = reserved();
        reserved.forEach((key, serials) -> {
            if (serials.next <= serials.last) {
                sequenceStatement("update product_code_sequence set last_serial = ?1 where province_code = ?2 and commune_code = ?3"
                        + " and year = ?4 and last_serial = ?5")
                        .setParameter(1, serials.next - 1).setParameter(2, key.place().provinceCode())
                        .setParameter(3, key.place().communeCode()).setParameter(4, key.year()).setParameter(5, serials.last)
                        .executeUpdate();
            }
        });
        reserved.clear();
    }

    /** A native statement on the sequence table only: it neither flushes nor invalidates the batch's other records. */
    private NativeQuery<?> sequenceStatement(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(SEQUENCE);
    }

    private Map<Key, Serials> reserved() {
        @SuppressWarnings("unchecked")
        Map<Key, Serials> reserved = (Map<Key, Serials>) transactions.getResource(RESERVED);
        if (reserved == null) {
            reserved = new HashMap<>();
            transactions.putResource(RESERVED, reserved);
        }
        return reserved;
    }
}
