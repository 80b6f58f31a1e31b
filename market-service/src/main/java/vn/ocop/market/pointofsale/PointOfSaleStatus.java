package vn.ocop.market.pointofsale;

import java.util.Set;

/** PROPOSED → APPROVED ⇄ SUSPENDED; any → CLOSED (final). */
public enum PointOfSaleStatus {
    PROPOSED, APPROVED, SUSPENDED, CLOSED;

    public boolean canBecome(PointOfSaleStatus next) {
        return switch (this) {
            case PROPOSED -> Set.of(APPROVED, CLOSED).contains(next);
            case APPROVED -> Set.of(SUSPENDED, CLOSED).contains(next);
            case SUSPENDED -> Set.of(APPROVED, CLOSED).contains(next);
            case CLOSED -> false;
        };
    }
}
