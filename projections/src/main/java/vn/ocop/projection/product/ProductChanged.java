package vn.ocop.projection.product;

/**
 * Fired (synchronous CDI event, inside the inbox transaction) when the product projection applied a registration or a
 * correction, so a service's own copies of product facts (listings' province, registration figures) follow the one
 * projection instead of handling the registry's events a second time. Not fired for a duplicate or an older version.
 *
 * @param before the state before, or null when the product was not known yet
 * @param after  the state now
 */
public record ProductChanged(ProductFacts before, ProductFacts after) {

    /** Whether the product moved to another province or passed to another producer. */
    public boolean movedOrTransferred() {
        return before != null && (!before.provinceCode().equals(after.provinceCode())
                || !before.producerId().equals(after.producerId()));
    }
}
