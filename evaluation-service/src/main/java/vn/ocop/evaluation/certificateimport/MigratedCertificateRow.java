package vn.ocop.evaluation.certificateimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowError;
import vn.ocop.rules.ProgrammeRules;

/**
 * One row of a certificate import, read and checked on its own (columns, formats, the rules a row carries in itself);
 * what needs the database (the product, the number, authority) is checked by {@link CertificateImportProcessor}.
 *
 * @param provinceCode today's province of the issuing authority (a former code mapped to its successor), or null
 * @param validUntil   the stated end date, or null for the default of the validity rule
 */
record MigratedCertificateRow(String productCode, UUID productId, String certificateNumber, int stars, String level,
                              String issuingProvince, String provinceCode, String decisionNumber, LocalDate decidedOn,
                              LocalDate validUntil, String criteriaInstrument, BigDecimal score) {

    static final String PROVINCE = "PROVINCE";
    static final String CENTRAL = "CENTRAL";
    static final Set<String> COLUMNS = Set.of("productCode", "productId", "certificateNumber", "stars", "level", "provinceCode",
            "decisionNumber", "decidedOn", "validUntil", "criteriaInstrument", "score");
    /** The criteria instruments a certificate may have been rated under, and the day each came into force (OCOP.md §0). */
    static final Map<String, LocalDate> INSTRUMENTS = Map.of(
            "1048/QĐ-TTg", LocalDate.of(2019, 8, 21),
            "148/QĐ-TTg", LocalDate.of(2023, 2, 24),
            "26/2026/QĐ-TTg", LocalDate.of(2026, 5, 22));
    private static final int MAX_TEXT = 100;

    /** The row, or the errors that keep it out (empty list means none). */
    record Reading(MigratedCertificateRow row, List<RowError> errors) {
    }

    /**
     * The end date the certificate runs to: the stated one wins (QĐ 26/2026 Điều 12), else the validity of the rules
     * (the injected bean, configured versions included) in force on the decision date.
     */
    LocalDate effectiveValidUntil(ProgrammeRules rules) {
        return validUntil != null ? validUntil : rules.validUntil(decidedOn);
    }

    static Reading read(ObjectNode value, Map<String, String> provinceSuccession, LocalDate today) {
        List<RowError> errors = new ArrayList<>();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COLUMNS.contains(name)) {
                errors.add(new RowError(name, "unknown column; the columns are " + String.join(", ", COLUMNS.stream().sorted().toList())));
            }
        }
        String productCode = text(value, "productCode", false, errors);
        UUID productId = null;
        String productIdText = text(value, "productId", false, errors);
        if (productIdText != null) {
            try {
                productId = UUID.fromString(productIdText);
            } catch (IllegalArgumentException e) {
                errors.add(new RowError("productId", "is not a UUID"));
            }
        }
        if (productCode == null && productIdText == null) {
            errors.add(new RowError("productCode", "give the product's code (or its productId)"));
        }
        String number = text(value, "certificateNumber", true, errors);
        Integer stars = stars(value, errors);
        String level = text(value, "level", true, errors);
        if (level != null && !level.equals(PROVINCE) && !level.equals(CENTRAL)) {
            errors.add(new RowError("level", "must be PROVINCE or CENTRAL"));
            level = null;
        }
        if (level != null && stars != null && stars == 5 && level.equals(PROVINCE)) {
            errors.add(new RowError("level", "a 5★ certificate is recognised at CENTRAL level, not PROVINCE"));
        }
        String issuing = text(value, "provinceCode", PROVINCE.equals(level), errors);
        String province = null;
        if (issuing != null) {
            province = provinceSuccession.get(issuing);
            if (province == null) {
                errors.add(new RowError("provinceCode", "is not a province code, current or former: " + issuing));
            }
        }
        String decisionNumber = text(value, "decisionNumber", true, errors);
        LocalDate decidedOn = date(value, "decidedOn", true, errors);
        if (decidedOn != null && decidedOn.isAfter(today)) {
            errors.add(new RowError("decidedOn", "is in the future; only certificates already issued can be migrated"));
        }
        LocalDate validUntil = date(value, "validUntil", false, errors);
        if (validUntil != null && decidedOn != null && validUntil.isBefore(decidedOn)) {
            errors.add(new RowError("validUntil", "is before the decision date " + decidedOn));
        }
        String instrument = text(value, "criteriaInstrument", true, errors);
        if (instrument != null && !INSTRUMENTS.containsKey(instrument)) {
            errors.add(new RowError("criteriaInstrument", "must be one of " + String.join(", ", INSTRUMENTS.keySet().stream().sorted().toList())));
        } else if (instrument != null && decidedOn != null && decidedOn.isBefore(INSTRUMENTS.get(instrument))) {
            errors.add(new RowError("criteriaInstrument", instrument + " came into force on " + INSTRUMENTS.get(instrument)
                    + ", after the decision date " + decidedOn));
        }
        BigDecimal score = score(value, errors);
        if (score != null && stars != null && starsFor(score) != stars) {
            errors.add(new RowError("score", score + " points is the band of " + starsFor(score) + "★, not " + stars + "★"));
        }
        if (!errors.isEmpty()) {
            return new Reading(null, errors);
        }
        return new Reading(new MigratedCertificateRow(productCode, productId, number, stars, level, issuing, province,
                decisionNumber, decidedOn, validUntil, instrument, score), List.of());
    }

    /** A text cell, stripped of surrounding blanks (the inside is kept exactly as printed); null when absent. */
    private static String text(ObjectNode value, String field, boolean required, List<RowError> errors) {
        JsonNode node = value.get(field);
        String text = node == null || node.isNull() ? null : node.asText().strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                errors.add(new RowError(field, "is required"));
            }
            return null;
        }
        if (text.length() > MAX_TEXT) {
            errors.add(new RowError(field, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return text;
    }

    private static Integer stars(ObjectNode value, List<RowError> errors) {
        String text = text(value, "stars", true, errors);
        if (text == null) {
            return null;
        }
        try {
            int stars = Integer.parseInt(text);
            if (stars >= 3 && stars <= 5) {
                return stars;
            }
        } catch (NumberFormatException e) {
            // reported below, as for an integer out of range
        }
        errors.add(new RowError("stars", "must be 3, 4 or 5 (only 3★–5★ products get a certificate), not " + text));
        return null;
    }

    /** Star bands (the same under 1048, 148 and 26/2026): 90+ is 5★, 70+ 4★, 50+ 3★, below that no certificate. */
    private static int starsFor(BigDecimal score) {
        int points = score.intValue();
        return points >= 90 ? 5 : points >= 70 ? 4 : points >= 50 ? 3 : points >= 30 ? 2 : 1;
    }

    private static LocalDate date(ObjectNode value, String field, boolean required, List<RowError> errors) {
        String text = text(value, field, required, errors);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(field, "must be a date as YYYY-MM-DD, not " + text));
            return null;
        }
    }

    private static BigDecimal score(ObjectNode value, List<RowError> errors) {
        String text = text(value, "score", false, errors);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(text);
            if (score.signum() >= 0 && score.compareTo(BigDecimal.valueOf(100)) <= 0 && score.scale() <= 2) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new RowError("score", "must be a number from 0 to 100 with at most 2 decimals, not " + text));
        return null;
    }
}
