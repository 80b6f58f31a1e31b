package vn.ocop.testkit.hostile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.testkit.Tokens;

/**
 * Hostile input against every operation of a running service, generated from its OpenAPI document: overflowing and
 * negative paging, NUL and control characters in body fields, path and query values, broken percent-encoding, LIKE
 * metacharacters in text filters, unknown fields, duplicate keys, wrong types and unknown enum values, missing and
 * wrong content types, invalid UTF-8, an oversized body, malformed multipart, a method the path does not have, an
 * over-long URI and over-large headers.
 * <p>
 * Every answer must be a 4xx {@code application/problem+json} with a stable {@code code} and a status the operation
 * documents (a harmless input such as {@code q=%} may also succeed), naming the field when the probe knows it; never
 * a 500, never silence. And nothing may be written: the rows of every table of the service's database are counted
 * before and after (audit rows of reads left out). Each finding names the operation and the probe, e.g. {@code POST /api/v1/x (createX) [NUL in
 * name]: 500 ...}.
 */
public final class HostileInputSuite {
    /** Statuses any request may get whatever its operation: the path's method, the URI and the headers' size. */
    private static final Set<Integer> ANY_OPERATION = Set.of(405, 414, 431);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputSuite() {
    }

    /** A token that every operation's role check lets through, so that the probes reach the input handling. */
    public static String allRolesToken() {
        return Tokens.of("hostile-input@ocop.gov.vn", "central-officer", "province-officer", "inspector", "commune-officer",
                "council-member", "producer", "channel-operator", "auditor", "ops-admin")
                .claim("province", "01").claim("commune", "00004")
                .claim("producer_id", "00000000-0000-0000-0000-00000000000f").mint();
    }

    /** Runs every probe against the service at {@code host:port}; the findings, empty when all is well. */
    public static List<String> run(Map<String, Object> document, String host, int port, DataSource database) {
        RawHttp http = new RawHttp(host, port);
        String token = allRolesToken();
        List<ApiOperation> operations = ApiOperation.all(document);
        List<Probe> probes = new ArrayList<>();
        Set<String> paths = new java.util.TreeSet<>();
        for (ApiOperation operation : operations) {
            probes.addAll(HostileRequests.of(operation, token));
            if (paths.add(operation.path())) {
                probes.addAll(Boundaries.methodNotAllowed(operation, ApiOperation.methodsOf(document, operation.path()), token));
            }
        }
        probes.addAll(Boundaries.oversizedRequestHead(operations.get(0), token));
        Map<String, Long> before = rowCounts(database);
        List<String> findings = new ArrayList<>();
        long started = System.nanoTime();
        long slowest = 0;
        Probe slowestProbe = null;
        for (Probe probe : probes) {
            long sent = System.nanoTime();
            RawHttp.Answer answer = http.send(probe.method(), probe.target(), probe.headers(), probe.body());
            if (System.nanoTime() - sent > slowest) {
                slowest = System.nanoTime() - sent;
                slowestProbe = probe;
            }
            ApiOperation target = operations.stream().filter(o -> o.toString().equals(probe.operation())).findFirst().orElse(null);
            Set<Integer> documented = target == null ? Set.of() : target.statuses();
            String finding = AnswerCheck.check(probe, answer, documented, ANY_OPERATION, target != null && target.page());
            if (finding != null) {
                findings.add(probe + ": " + finding);
            }
        }
        System.out.printf("Hostile input: %d probes in %d ms; slowest %d ms: %s%n", probes.size(),
                (System.nanoTime() - started) / 1_000_000, slowest / 1_000_000, slowestProbe);
        Map<String, Long> after = rowCounts(database);
        if (!before.equals(after)) {
            findings.add("rows were written: before " + before + ", after " + after);
        }
        return findings;
    }

    /** How many probes {@link #run} sends for a document: a figure for the test's report. */
    public static int probeCount(Map<String, Object> document) {
        String token = "t";
        int count = 0;
        Set<String> paths = new java.util.TreeSet<>();
        for (ApiOperation operation : ApiOperation.all(document)) {
            count += HostileRequests.of(operation, token).size();
            if (paths.add(operation.path())) {
                count += Boundaries.methodNotAllowed(operation, ApiOperation.methodsOf(document, operation.path()), token).size();
            }
        }
        return count + 2;
    }

    /** Rows per table of the service's own schema. */
    static Map<String, Long> rowCounts(DataSource database) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                // a read that shows personal data is audited (action "<entity>.personal-data.read"): not a write
                String count = "audit_entry".equals(table) ? "select count(*) from audit_entry where action not like '%.read'"
                        : "select count(*) from \"" + table.replace("\"", "\"\"") + "\"";
                try (ResultSet rows = sql.executeQuery(count)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the service's rows", e);
        }
        return counts;
    }

    static Map<?, ?> parse(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            return null;
        }
    }
}
