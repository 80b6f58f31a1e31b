package vn.ocop.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of the forked broker JVM. JDK-only on purpose: it runs in modules that depend on this artifact with
 * all transitive dependencies excluded.
 */
final class BrokerClasspath {

    /** Written by maven-dependency-plugin:build-classpath at build time, next to this class. */
    static final String RESOURCE = "broker.classpath";

    private BrokerClasspath() {
    }

    /** This module's own classes first, then every runtime dependency listed in {@link #RESOURCE}. */
    static String resolve() throws IOException {
        String listed;
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource vn/ocop/kafka/" + RESOURCE + " is missing from the kafka-broker"
                        + " artifact; rebuild it with ./mvnw -f kafka-broker/pom.xml install");
            }
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation().toString());
        List<String> missing = new ArrayList<>();
        for (String entry : listed.split(java.io.File.pathSeparator)) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (!Files.exists(Path.of(e))) {
                missing.add(e);
            }
            entries.add(e);
        }
        if (!missing.isEmpty()) {
            throw new IOException(missing.size() + " jar(s) of the Kafka broker classpath do not exist, e.g. "
                    + missing.get(0) + ". The classpath was recorded when kafka-broker was built; run"
                    + " ./mvnw install (or ./mvnw -f kafka-broker/pom.xml install) first to download them.");
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The jar or classes directory holding this module's code, KafkaBrokerMain included. */
    private static Path ownLocation() throws IOException {
        try {
            CodeSource source = KafkaBroker.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                return Path.of(source.getLocation().toURI());
            }
            // Some class loaders (e.g. framework test loaders) give no usable code source; derive it from the
            // URL of the class file instead.
            URL classFile = KafkaBroker.class.getResource("KafkaBroker.class");
            if (classFile != null) {
                String url = classFile.toString();
                if (url.startsWith("jar:file:")) {
                    return Path.of(URI.create(url.substring(4, url.indexOf("!/"))));
                }
                if (url.startsWith("file:")) {
                    // .../classes/vn/ocop/kafka/KafkaBroker.class -> .../classes
                    return Path.of(classFile.toURI()).getParent().getParent().getParent().getParent();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the kafka-broker classes", e);
        }
        throw new IOException("cannot locate the kafka-broker classes (no file code source for "
                + KafkaBroker.class.getName() + ")");
    }
}
