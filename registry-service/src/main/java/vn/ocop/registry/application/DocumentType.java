package vn.ocop.registry.application;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Kinds of dossier files (Điều 6 QĐ 26/2026 and the Form 02 evidence annex) and for which attempts each is required.
 * Other types are optional evidence.
 */
public enum DocumentType {
    /** Mẫu 01, signed and sealed. */
    REGISTRATION_FORM(EnumSet.allOf(ApplicationKind.class)),
    /** Mẫu 02, the self-assessment report. */
    SELF_ASSESSMENT_REPORT(EnumSet.allOf(ApplicationKind.class)),
    BUSINESS_REGISTRATION(EnumSet.of(ApplicationKind.FIRST_RATING, ApplicationKind.UPGRADE)),
    QUALITY_DECLARATION(EnumSet.of(ApplicationKind.FIRST_RATING, ApplicationKind.UPGRADE)),
    /** For an upgrade: what changed compared with the recognised product. */
    CHANGE_EVIDENCE(EnumSet.of(ApplicationKind.UPGRADE)),
    /** For a re-rating: updated time-limited legal papers. */
    UPDATED_LEGAL_PAPERS(EnumSet.of(ApplicationKind.RE_RATING)),
    PERIODIC_TEST_REPORT(EnumSet.of(ApplicationKind.RE_RATING)),
    FOOD_SAFETY_CERTIFICATE(EnumSet.noneOf(ApplicationKind.class)),
    PRODUCT_STORY(EnumSet.noneOf(ApplicationKind.class)),
    OTHER_EVIDENCE(EnumSet.noneOf(ApplicationKind.class));

    private final Set<ApplicationKind> requiredFor;

    DocumentType(Set<ApplicationKind> requiredFor) {
        this.requiredFor = requiredFor;
    }

    public static List<DocumentType> requiredFor(ApplicationKind kind) {
        return Arrays.stream(values()).filter(t -> t.requiredFor.contains(kind)).toList();
    }
}
