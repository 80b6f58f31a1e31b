package vn.ocop.monitoring.scan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Scope;

/** Lists certificates scanned after their end, most recently scanned first, within the caller's province scope. */
@ApplicationScoped
public class LapsedScanService {

    @Inject
    EntityManager entityManager;

    @Inject
    Scope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LapsedScanView> list(String province, LocalDate since, PageRequest page) {
        String visible = scope.listableProvince(province);
        String where = " from lapsed_scan_day where scanned_on >= ?1 and (cast(?2 as varchar) is null or province_code = ?2)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select certificate_id, min(certificate_number), min(cast(product_id as varchar)), min(product_code),
                       min(product_name), min(province_code),
                       (array_agg(status order by scanned_on desc))[1], min(scanned_on), max(scanned_on), count(*), sum(scans)"""
                        + where + """
                 group by certificate_id order by max(scanned_on) desc, min(certificate_number)
                limit ?3 offset ?4""")
                .unwrap(NativeQuery.class)
                .setParameter(1, since).setParameter(2, visible, String.class)
                .setParameter(3, page.size()).setParameter(4, page.offset())
                .getResultList();
        Number total = (Number) entityManager.createNativeQuery("select count(distinct certificate_id)" + where)
                .unwrap(NativeQuery.class)
                .setParameter(1, since).setParameter(2, visible, String.class)
                .getSingleResult();
        List<LapsedScanView> items = rows.stream().map(LapsedScanService::view).toList();
        return new Page<>(items, page.page(), page.size(), total.longValue());
    }

    private static LapsedScanView view(Object[] row) {
        return new LapsedScanView((UUID) row[0], (String) row[1], UUID.fromString((String) row[2]), (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], toDate(row[7]), toDate(row[8]),
                ((Number) row[9]).intValue(), ((Number) row[10]).longValue());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
