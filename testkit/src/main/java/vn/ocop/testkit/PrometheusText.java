package vn.ocop.testkit;

import java.util.Arrays;

/** Reads values from a {@code /q/metrics} page (Prometheus text format), for tests asserting that a counter moved. */
public final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * Sum of the samples of {@code name} (e.g. {@code ocop_certificates_issued_total}) whose labels contain every given
     * {@code key="value"} fragment; 0 when there is none yet (Micrometer registers a counter on first use).
     */
    public static double sum(String metricsText, String name, String... labels) {
        double total = 0;
        for (String line : metricsText.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int valueStart = line.lastIndexOf(' ');
            String series = line.substring(0, valueStart);
            if (Arrays.stream(labels).allMatch(series::contains)) {
                total += Double.parseDouble(line.substring(valueStart + 1).trim());
            }
        }
        return total;
    }
}
