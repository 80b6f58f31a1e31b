package vn.ocop.platform.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * The queue of a service's import jobs, kept in its own job table (columns {@code id, status, scope_province,
 * created_at, started_at, finished_at, heartbeat_at, cancel_requested, processed_rows, error} and one
 * {@code <outcome>_count} per row outcome). Fair across provinces: at most one running job per province (a central
 * officer's jobs count as one more "province"), the oldest queued job of each province first, and provinces served
 * round-robin (the one served least recently goes next), so a small upload never waits behind another province's
 * large one while a worker is free. All methods run in the caller's transaction.
 */
public final class ImportQueue {
    /** What becomes of a job whose worker stopped beating (service killed or restarted mid-file). */
    public enum OnStale {
        /** Marked INTERRUPTED: nothing more happens until the file is sent again. */
        INTERRUPT,
        /** Put back in the queue: a worker resumes it after the last row it finished. */
        REQUEUE
    }

    private final String table;
    private final OnStale onStale;

    public ImportQueue(String table, OnStale onStale) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.onStale = onStale;
    }

    /** Claims the next job fairly and marks it RUNNING; null when every queued job's province already has one running. */
    public UUID claim(EntityManager em) {
        // Claims are serialised (per table, across instances) so two workers never start two jobs of one province.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, table).getSingleResult();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                with heads as (
                    select distinct on (coalesce(scope_province, '*')) id, coalesce(scope_province, '*') as p, created_at
                    from %1$s where status = 'QUEUED' order by coalesce(scope_province, '*'), created_at, id),
                served as (select coalesce(scope_province, '*') as p, max(started_at) as last from %1$s
                           where started_at is not null group by 1)
                select h.id from heads h left join served s on s.p = h.p
                where not exists (select 1 from %1$s r where r.status = 'RUNNING' and coalesce(r.scope_province, '*') = h.p)
                order by s.last nulls first, h.created_at limit 1""".formatted(table)).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        update(em, "update " + table + " set status = 'RUNNING', started_at = now(), heartbeat_at = now()"
                + " where id = ?1").setParameter(1, ids.get(0)).executeUpdate();
        return ids.get(0);
    }

    /**
     * Records a committed batch: the last row done, the outcome counts, and a heartbeat. Answers whether a cancel
     * was asked meanwhile, so the worker stops before its next batch.
     */
    public boolean progress(EntityManager em, UUID id, int lastRow, Map<String, Integer> counts) {
        StringBuilder set = new StringBuilder("processed_rows = greatest(processed_rows, ?2), heartbeat_at = now()");
        counts.forEach((outcome, n) -> {
            String column = outcome.toLowerCase(java.util.Locale.ROOT) + "_count";
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not an outcome: " + outcome);
            }
            set.append(", ").append(column).append(" = ").append(column).append(" + ").append(n);
        });
        Object cancel = update(em, "update " + table + " set " + set + " where id = ?1 returning cancel_requested")
                .setParameter(1, id).setParameter(2, lastRow).getSingleResult();
        return Boolean.TRUE.equals(cancel);
    }

    /** Shows the job's worker alive while a batch is still in hand. */
    public void beat(EntityManager em, UUID id) {
        update(em, "update " + table + " set heartbeat_at = now() where id = ?1 and status = 'RUNNING'")
                .setParameter(1, id).executeUpdate();
    }

    public void finish(EntityManager em, UUID id, String status, String error) {
        update(em, "update " + table + " set status = ?2, error = ?3, finished_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error).executeUpdate();
    }

    /**
     * Cancels a job: a queued one at once (answers true), a running one when its worker finishes the batch in hand
     * (answers false; its status turns CANCELLED then). A finished job is left as it is.
     */
    public boolean cancel(EntityManager em, UUID id) {
        int queued = update(em, "update " + table + " set status = 'CANCELLED', cancel_requested = true,"
                + " finished_at = now() where id = ?1 and status = 'QUEUED'").setParameter(1, id).executeUpdate();
        if (queued > 0) {
            return true;
        }
        update(em, "update " + table + " set cancel_requested = true where id = ?1 and status = 'RUNNING'")
                .setParameter(1, id).executeUpdate();
        return false;
    }

    /** Running jobs whose worker has not beaten for {@code staleAfter} are interrupted or requeued; answers how many. */
    public int releaseStale(EntityManager em, Duration staleAfter) {
        String set = onStale == OnStale.INTERRUPT
                ? "status = 'INTERRUPTED', finished_at = now(), error = 'The service stopped while the job ran; rows up to"
                        + " processedRows were applied whole, none after. Send the file again to finish the rest.'"
                : "status = 'QUEUED'";
        return update(em, "update " + table + " set " + set
                + " where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) staleAfter.toSeconds()).executeUpdate();
    }

    /**
     * Where each queued job stands (1 = next), in the order {@link #claim} would start them with one free worker:
     * round-robin across provinces, least recently served first, oldest first within a province.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Integer> positions(EntityManager em) {
        Map<String, Instant> lastServed = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select coalesce(scope_province, '*'), max(started_at) from "
                + table + " where started_at is not null group by 1").getResultList()) {
            lastServed.put((String) r[0], instant(r[1]));
        }
        Map<String, ArrayDeque<Object[]>> queues = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, coalesce(scope_province, '*'), created_at from "
                + table + " where status = 'QUEUED' order by created_at, id").getResultList()) {
            queues.computeIfAbsent((String) r[1], p -> new ArrayDeque<>()).add(r);
        }
        Map<UUID, Integer> positions = new HashMap<>();
        // A province just served moves to the back: later than any real time, in the order served.
        Instant back = Instant.MAX.minusSeconds(1_000_000_000L);
        Comparator<String> next = Comparator.comparing((String p) -> lastServed.get(p), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(p -> instant(queues.get(p).peek()[2]));
        while (!queues.isEmpty()) {
            String province = queues.keySet().stream().min(next).orElseThrow();
            Object[] head = queues.get(province).poll();
            positions.put((UUID) head[0], positions.size() + 1);
            if (queues.get(province).isEmpty()) {
                queues.remove(province);
            }
            back = back.plusSeconds(1);
            lastServed.put(province, back);
        }
        return positions;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * A native update of the job table, declared as touching only that table: an undeclared native update makes
     * Hibernate drop its whole second-level cache (the registry's provinces and communes), every poll.
     */
    private NativeQuery<?> update(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }
}
