package vn.ocop.monitoring.market;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Applies a listing's status change only when it is newer than the one recorded, so any arrival order converges. */
@ApplicationScoped
public class ListingStatuses {

    @Inject
    EntityManager entityManager;

    void change(UUID listingId, UUID productId, String status, Instant at) {
        entityManager.createNativeQuery("""
                insert into listing (id, product_id, status, status_at, updated_at) values (?1, ?2, ?3, ?4, now())
                on conflict (id) do update set status = excluded.status, status_at = excluded.status_at, updated_at = now()
                where listing.status_at < excluded.status_at""")
                .setParameter(1, listingId)
                .setParameter(2, productId)
                .setParameter(3, status)
                .setParameter(4, at)
                .executeUpdate();
    }
}
