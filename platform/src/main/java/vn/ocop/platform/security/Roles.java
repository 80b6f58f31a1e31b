package vn.ocop.platform.security;

/** The roles of the {@code groups} claim (see docs/architecture.md, security). */
public final class Roles {
    /** Central OCOP office (Ministry of Agriculture and Environment): acts nationwide. */
    public static final String CENTRAL_OFFICER = "central-officer";
    /** Provincial OCOP office; claim {@code province}. */
    public static final String PROVINCE_OFFICER = "province-officer";
    /** Provincial inspector (hậu kiểm); claim {@code province}. */
    public static final String INSPECTOR = "inspector";
    /** Commune officer (pre-review of dossiers); claims {@code province}, {@code commune}. */
    public static final String COMMUNE_OFFICER = "commune-officer";
    public static final String COUNCIL_MEMBER = "council-member";
    /** A producer's own account; claim {@code producer_id}. */
    public static final String PRODUCER = "producer";
    /** A sales channel or point-of-sale operator; claim {@code channel_id}. */
    public static final String CHANNEL_OPERATOR = "channel-operator";
    /** Read-only access everywhere. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
