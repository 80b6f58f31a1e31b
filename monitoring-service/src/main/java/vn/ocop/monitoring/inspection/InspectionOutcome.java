package vn.ocop.monitoring.inspection;

/** How an inspection ended: compliant, corrective action by a deadline, or a proposal to revoke the certificate. */
public enum InspectionOutcome {
    COMPLIANT, CORRECTIVE_ACTION, REVOCATION_PROPOSED
}
