package vn.ocop.monitoring.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** The latest status of each point of sale (the newest {@code changedAt} wins, whatever the arrival order). */
@ApplicationScoped
public class PointOfSaleStatusChangedHandler implements EventHandler<PointOfSaleStatusChanged> {

    @Inject
    EntityManager entityManager;

    @Override
    public Class<PointOfSaleStatusChanged> eventClass() {
        return PointOfSaleStatusChanged.class;
    }

    @Override
    public void handle(PointOfSaleStatusChanged event, EventContext context) {
        entityManager.createNativeQuery("""
                insert into point_of_sale (id, name, province_code, category, modern_channel, status, status_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                on conflict (id) do update set name = excluded.name, province_code = excluded.province_code,
                    category = excluded.category, modern_channel = excluded.modern_channel, status = excluded.status,
                    status_at = excluded.status_at, updated_at = now()
                where point_of_sale.status_at < excluded.status_at""")
                .setParameter(1, event.pointOfSaleId())
                .setParameter(2, event.name())
                .setParameter(3, event.provinceCode())
                .setParameter(4, event.category())
                .setParameter(5, event.modernChannel())
                .setParameter(6, event.status())
                .setParameter(7, event.changedAt())
                .executeUpdate();
    }
}
