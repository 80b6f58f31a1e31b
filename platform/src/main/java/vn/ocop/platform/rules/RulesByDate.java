package vn.ocop.platform.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.RuleVersion;

/**
 * A query condition that applies to each row the rules version in force on the row's own relevant date (a
 * certificate's issue date, a finding's date), as {@link ProgrammeRules#inForceOn} does for one record: one clause per
 * version, for the rows whose date falls in its period, so a rule change keeps older records on their own rule in lists
 * and figures too. Works in HQL and native SQL (named parameters).
 *
 * @param sql        the condition, in parentheses
 * @param parameters its named parameters
 */
public record RulesByDate(String sql, Map<String, Object> parameters) {

    /** The condition one version puts on its rows; the parameter names it adds must end with {@code suffix}. */
    @FunctionalInterface
    public interface PerVersion {
        String condition(RuleVersion version, String suffix, Map<String, Object> parameters);
    }

    /**
     * @param date the expression of the relevant date, e.g. {@code coalesce(c.issuedOn, c.validUntil)} or
     *             {@code i.completed_on}; a date before the first version takes the first
     */
    public static RulesByDate condition(ProgrammeRules rules, String date, PerVersion each) {
        List<RuleVersion> versions = rules.versions();
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            String suffix = "V" + i;
            List<String> parts = new ArrayList<>();
            if (i > 0) {
                parts.add(date + " >= :from" + suffix);
                parameters.put("from" + suffix, versions.get(i).effectiveFrom());
            }
            if (i < versions.size() - 1) {
                parts.add(date + " < :until" + suffix);
                parameters.put("until" + suffix, versions.get(i + 1).effectiveFrom());
            }
            parts.add(each.condition(versions.get(i), suffix, parameters));
            clauses.add("(" + String.join(" and ", parts) + ")");
        }
        return new RulesByDate("(" + String.join(" or ", clauses) + ")", parameters);
    }
}
