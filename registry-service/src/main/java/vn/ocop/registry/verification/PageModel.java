package vn.ocop.registry.verification;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

import vn.ocop.registry.certification.CertificateStatus;

/** What the verification page shows, already in the reader's language (templates/verification/page.html). */
@TemplateData
public record PageModel(String lang, String switchLang, String switchText, String languageLabel, String brand,
                        String title, String tone, String statusWord, String statusIcon, String statusNote,
                        String productName, String starsShown, String starsText, List<Row> rows, List<Row> endRows,
                        String supersededUrl, String supersededText, String whereToBuyUrl, String whereToBuyText,
                        String reportUrl, String reportText, String checkedOn) {

    /** One labelled fact of the certificate. */
    @TemplateData
    public record Row(String label, String value) {
    }

    static PageModel of(CertificateFacts c, PageText t, VerificationLinks links) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(t.word("number"), c.number()));
        rows.add(new Row(t.word("producer"), orDash(c.producerName())));
        rows.add(new Row(t.word("province"), orDash(c.provinceName() != null ? c.provinceName() : c.provinceCode())));
        rows.add(new Row(t.word("productCode"), orDash(c.productCode())));
        rows.add(new Row(t.word("validity"), t.word("validityRange", t.date(c.issuedOn()), t.date(c.validUntil()))));
        rows.add(new Row(t.word("decision"), orDash(c.decisionNumber())));
        List<Row> endRows = new ArrayList<>();
        String note = switch (c.status()) {
            case ACTIVE -> t.word("validNote", t.date(c.validUntil()));
            case REVOKED -> t.word("revokedNote", t.date(c.revokedOn()));
            case EXPIRED -> t.word("expiredNote", t.date(c.validUntil()));
            case SUPERSEDED -> t.word("supersededNote");
        };
        if (c.status() == CertificateStatus.REVOKED) {
            endRows.add(new Row(t.word("ground"), orDash(c.revocationGround())));
            endRows.add(new Row(t.word("revocationDecision"), orDash(c.revocationDecision())));
        }
        int stars = c.stars() == null ? 0 : c.stars();
        return new PageModel(t.lang, t.word("switchLang"), t.word("switch"), t.word("language"), t.word("brand"),
                t.word("title") + " " + c.number(), tone(c.status()), t.status(c.status()), c.valid() ? "✓" : "✗", note,
                orDash(c.productName()), "★".repeat(stars) + "☆".repeat(Math.max(0, 5 - stars)), t.word("starsText", stars),
                rows, endRows, c.supersededBy() == null ? null : links.page(c.supersededBy()), t.word("newCertificate"),
                c.valid() ? links.whereToBuy(c.productId()) : null, t.word("whereToBuy"), links.complaint(c.number()),
                t.word("report"), t.word("checkedOn", t.date(c.checkedOn())));
    }

    /** The readable answer for a number that no certificate carries. */
    static PageModel notFound(String number, PageText t) {
        return new PageModel(t.lang, t.word("switchLang"), t.word("switch"), t.word("language"), t.word("brand"),
                t.word("title") + " — " + t.word("NOT_FOUND"), "unknown", t.word("NOT_FOUND"), "?",
                t.word("notFoundNote", number), null, null, null, List.of(), List.of(), null, null, null, null, null, null,
                null);
    }

    private static String tone(CertificateStatus status) {
        return switch (status) {
            case ACTIVE -> "valid";
            case REVOKED, EXPIRED -> "ended";
            case SUPERSEDED -> "replaced";
        };
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
