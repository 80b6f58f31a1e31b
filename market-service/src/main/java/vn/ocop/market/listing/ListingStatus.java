package vn.ocop.market.listing;

/** ACTIVE: on sale with the OCOP mark; SUSPENDED: the product lost its certificate, the outlet must take the mark down. */
public enum ListingStatus {
    ACTIVE, SUSPENDED
}
