package vn.ocop.monitoring.statistics;

import java.util.List;
import java.util.Map;

/** The programme report as CSV. */
final class StatisticsCsv {
    private StatisticsCsv() {
    }

    /** One figure a line: {@code section,dimension,value}, so spreadsheets and scripts read it alike. */
    static String toCsv(ProgrammeStatistics.Report r) {
        StringBuilder out = new StringBuilder("section,dimension,value\n");
        line(out, "report", "asOf", r.asOf());
        line(out, "report", "province", r.province() == null ? "national" : r.province());
        line(out, "products", "total", r.products().total());
        map(out, "products.byStars", r.products().byStars());
        map(out, "products.byProductGroup", r.products().byProductGroup());
        map(out, "products.byProductSet", r.products().byProductSet());
        line(out, "producers", "withActiveCertificate", r.producers().withActiveCertificate());
        line(out, "producers", "womenLed", r.producers().womenLed());
        line(out, "producers", "ethnicMinorityLed", r.producers().ethnicMinorityLed());
        line(out, "producers", "registered", r.producers().registered());
        map(out, "producers.byKind", r.producers().byKind());
        line(out, "certificates", "active", r.certificates().active());
        line(out, "certificates", "expiringWithin180Days", r.certificates().expiringWithin180Days());
        line(out, "certificates", "expired", r.certificates().expired());
        line(out, "certificates", "revoked", r.certificates().revoked());
        line(out, "certificates", "superseded", r.certificates().superseded());
        for (ProgrammeStatistics.ProvinceFigure p : r.byProvince()) {
            line(out, "province." + p.province(), "products", p.products());
            line(out, "province." + p.province(), "threeStar", p.threeStar());
            line(out, "province." + p.province(), "fourStar", p.fourStar());
            line(out, "province." + p.province(), "fiveStar", p.fiveStar());
        }
        for (ProgrammeStatistics.MonthFigure m : r.months()) {
            line(out, "month." + m.month(), "issued", m.issued());
            line(out, "month." + m.month(), "expired", m.expired());
            line(out, "month." + m.month(), "revoked", m.revoked());
        }
        if (r.targetVersion() != null) {
            line(out, "targetVersion", "instrument", r.targetVersion().instrument());
            line(out, "targetVersion", "effectiveFrom", r.targetVersion().effectiveFrom());
        }
        for (ProgrammeStatistics.TargetProgress t : r.targets()) {
            line(out, "target." + t.code(), "target", t.target());
            line(out, "target." + t.code(), "actual", t.actual() == null ? "" : t.actual());
            line(out, "target." + t.code(), "status", t.status());
        }
        return out.toString();
    }

    private static void map(StringBuilder out, String section, Map<String, Long> values) {
        values.forEach((key, value) -> line(out, section, key, value));
    }

    private static void line(StringBuilder out, String section, String dimension, Object value) {
        out.append(String.join(",", List.of(quote(section), quote(dimension), quote(String.valueOf(value))))).append('\n');
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
