package vn.ocop.registry.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.query.NativeQuery;

import vn.ocop.platform.imports.Rows;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.product.Product;

/**
 * What an import batch's rows refer to, looked up once per batch and kept for its transaction: the records named by
 * {@code externalRef} and {@code producerRef}, and the producers holding the producer rows' tax codes.
 */
@ApplicationScoped
class BatchLookups {
    private static final String KNOWN_REFS = "ocop.import.known-refs";
    private static final String TAX_CODES = "ocop.import.tax-codes";
    private static final String PROVINCES = "ocop.import.provinces";

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Looks up, in one query per table, the records the batch's rows name ({@code externalRef}, {@code producerRef})
     * and the producers holding its producer rows' tax codes, so that its rows need not ask one by one.
     */
    void prefetch(List<Rows.Row> batch) {
        Map<String, Set<String>> refs = Map.of("producer", new HashSet<>(), "product", new HashSet<>());
        for (Rows.Row row : batch) {
            String kind = row.value() == null ? null : ImportRows.kind(row.value().get("type"));
            if (kind != null) {
                Optional.ofNullable(ImportRows.text(row.value().get("externalRef"))).ifPresent(refs.get(kind)::add);
                Optional.ofNullable(ImportRows.text(row.value().get("producerRef"))).ifPresent(refs.get("producer")::add);
            }
        }
        Set<String> taxCodes = new HashSet<>();
        for (Rows.Row row : batch) {
            if (row.value() != null && "producer".equals(ImportRows.kind(row.value().get("type")))) {
                Optional.ofNullable(ImportRows.text(row.value().get("taxCode"))).ifPresent(taxCodes::add);
            }
        }
        if (!taxCodes.isEmpty()) {
            Map<String, TaxCodeHolder> holders = taxCodes();
            taxCodes.forEach(code -> holders.putIfAbsent(code, null));
            @SuppressWarnings("unchecked")
            List<Object[]> found = entityManager.createNativeQuery("select tax_code, id, external_ref from producer"
                    + " where tax_code in (:codes)").setParameter("codes", taxCodes).getResultList();
            found.forEach(f -> holders.put((String) f[0], new TaxCodeHolder((UUID) f[1], (String) f[2])));
        }
        Map<String, UUID> known = known();
        refs.forEach((table, wanted) -> wanted.forEach(ref -> known.put(table + ":" + ref, null)));
        // the records themselves, not only their ids: the services then find them in the session, without a query each
        if (!refs.get("producer").isEmpty()) {
            Producer.<Producer>list("externalRef in ?1", refs.get("producer")).forEach(p -> {
                known.put("producer:" + p.externalRef, p.id);
                provinces().put(p.externalRef, p.provinceCode);
            });
        }
        if (!refs.get("product").isEmpty()) {
            Product.<Product>list("externalRef in ?1", refs.get("product")).forEach(p -> known.put("product:" + p.externalRef, p.id));
        }
    }

    /** The province of the producer imported with {@code ref}, as the batch's look-up found it, or null. */
    String provinceOf(String ref) {
        return provinces().get(ref);
    }

    UUID idByRef(String table, String ref) {
        Map<String, UUID> known = known();
        String key = table + ":" + ref;
        if (known.containsKey(key)) {
            return known.get(key);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("select id from " + table + " where external_ref = ?1")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(table).setParameter(1, ref).getResultList();
        UUID id = ids.isEmpty() ? null : ids.get(0);
        known.put(key, id);
        return id;
    }

    /** The producer holding a tax code and its externalRef (null when registered through the API). */
    record TaxCodeHolder(UUID id, String externalRef) {
    }

    /** The producer holding {@code taxCode}, or null; from the batch's look-up, else asked. */
    TaxCodeHolder holderOf(String taxCode) {
        Map<String, TaxCodeHolder> holders = taxCodes();
        if (holders.containsKey(taxCode)) {
            return holders.get(taxCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("select id, external_ref from producer where tax_code = ?1")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("producer").setParameter(1, taxCode).getResultList();
        TaxCodeHolder holder = found.isEmpty() ? null : new TaxCodeHolder((UUID) found.get(0)[0], (String) found.get(0)[1]);
        holders.put(taxCode, holder);
        return holder;
    }

    /** What this transaction knows of tax codes (to their holder, null when free); gone with the transaction. */
    Map<String, TaxCodeHolder> taxCodes() {
        @SuppressWarnings("unchecked")
        Map<String, TaxCodeHolder> holders = (Map<String, TaxCodeHolder>) transactions.getResource(TAX_CODES);
        if (holders == null) {
            holders = new HashMap<>();
            transactions.putResource(TAX_CODES, holders);
        }
        return holders;
    }

    /** Provinces of the producers the batch's rows name by externalRef; gone with the transaction. */
    private Map<String, String> provinces() {
        @SuppressWarnings("unchecked")
        Map<String, String> provinces = (Map<String, String>) transactions.getResource(PROVINCES);
        if (provinces == null) {
            provinces = new HashMap<>();
            transactions.putResource(PROVINCES, provinces);
        }
        return provinces;
    }

    /** What this transaction knows of external refs ("table:ref" to id, null when absent); gone with the transaction. */
    Map<String, UUID> known() {
        @SuppressWarnings("unchecked")
        Map<String, UUID> known = (Map<String, UUID>) transactions.getResource(KNOWN_REFS);
        if (known == null) {
            known = new HashMap<>();
            transactions.putResource(KNOWN_REFS, known);
        }
        return known;
    }
}
