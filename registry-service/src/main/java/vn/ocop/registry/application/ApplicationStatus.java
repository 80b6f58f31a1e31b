package vn.ocop.registry.application;

import java.util.Map;

/**
 * Where a dossier is (Điều 5, 7 QĐ 26/2026): the producer drafts and submits it to the commune, the commune reviews it
 * (Form 03, samples) and forwards it, the provincial OCOP office accepts it into an evaluation round or returns it
 * for completion; the producer may withdraw it until it is decided.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, COMMUNE_REVIEWED, RETURNED, ACCEPTED, WITHDRAWN;

    /** What users do to a dossier. */
    public enum Action {
        SUBMIT, COMMUNE_REVIEW, ACCEPT, RETURN, WITHDRAW
    }

    private static final Map<ApplicationStatus, Map<Action, ApplicationStatus>> TRANSITIONS = Map.of(
            DRAFT, Map.of(Action.SUBMIT, SUBMITTED, Action.WITHDRAW, WITHDRAWN),
            SUBMITTED, Map.of(Action.COMMUNE_REVIEW, COMMUNE_REVIEWED, Action.WITHDRAW, WITHDRAWN),
            COMMUNE_REVIEWED, Map.of(Action.ACCEPT, ACCEPTED, Action.RETURN, RETURNED, Action.WITHDRAW, WITHDRAWN),
            RETURNED, Map.of(Action.SUBMIT, SUBMITTED, Action.WITHDRAW, WITHDRAWN),
            ACCEPTED, Map.of(Action.WITHDRAW, WITHDRAWN),
            WITHDRAWN, Map.of());

    /** The status the action leads to, or null when the action is not allowed from this status. */
    public ApplicationStatus after(Action action) {
        return TRANSITIONS.get(this).get(action);
    }

    /** The producer may still edit forms and documents (before submission, or after the province returned it). */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Dossiers not yet decided by the province: a product has at most one of them at a time. */
    public static final java.util.List<ApplicationStatus> IN_PROGRESS = java.util.List.of(DRAFT, SUBMITTED, COMMUNE_REVIEWED, RETURNED);
}
