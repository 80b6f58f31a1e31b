package vn.ocop.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Who may use a {@link KafkaBroker} and for what: SASL/SCRAM-SHA-512 users and the ACLs of the broker's
 * {@code StandardAuthorizer}. A broker started without one is open (no authentication, no authorisation).
 *
 * <p>The super user administers the broker (topics, users, ACLs) and is allowed everything; every other user may do
 * only what its ACLs allow: write a topic, read a topic, use a consumer group. Nothing is allowed to a user without
 * an ACL ({@code allow.everyone.if.no.acl.found=false}). JDK-only, like {@link KafkaBroker}.
 *
 * <pre>{@code
 * BrokerSecurity security = BrokerSecurity.superUser("admin", "admin-secret")
 *         .user("market", "market-secret")
 *         .allowWrite("market", "ocop.market.events")
 *         .allowRead("market", "ocop.registry.events")
 *         .allowGroup("market", "ocop-market");
 * }</pre>
 */
public final class BrokerSecurity {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Local brokers listen on 127.0.0.1 without TLS; Kubernetes uses TLS (see deploy/k8s). */
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    /** What an ACL allows. */
    public enum Permission { WRITE_TOPIC, READ_TOPIC, READ_GROUP }

    /** Allows {@code user} the {@code permission} on the topic or group {@code resource} (a literal name). */
    public record Acl(String user, Permission permission, String resource) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String superUser;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<Acl> acls = new ArrayList<>();

    private BrokerSecurity(String superUser, String password) {
        this.superUser = checkName(superUser);
        passwords.put(superUser, checkPassword(password));
    }

    /** Starts a configuration with the broker's super user (also the broker's own inter-broker identity). */
    public static BrokerSecurity superUser(String name, String password) {
        return new BrokerSecurity(name, password);
    }

    /** Adds a SCRAM user with no rights until ACLs grant some. */
    public BrokerSecurity user(String name, String password) {
        if (passwords.containsKey(checkName(name))) {
            throw new IllegalArgumentException("user " + name + " is already defined");
        }
        passwords.put(name, checkPassword(password));
        return this;
    }

    /** Lets the user produce to the topic (which includes describing it and idempotent writes). */
    public BrokerSecurity allowWrite(String user, String topic) {
        return allow(user, Permission.WRITE_TOPIC, topic);
    }

    /** Lets the user consume the topic (which includes describing it). */
    public BrokerSecurity allowRead(String user, String topic) {
        return allow(user, Permission.READ_TOPIC, topic);
    }

    /** Lets the user join and commit offsets in the consumer group. */
    public BrokerSecurity allowGroup(String user, String group) {
        return allow(user, Permission.READ_GROUP, group);
    }

    private BrokerSecurity allow(String user, Permission permission, String resource) {
        if (!passwords.containsKey(user) || user.equals(superUser)) {
            throw new IllegalArgumentException("ACLs are for defined users other than the super user, not " + user);
        }
        acls.add(new Acl(user, permission, checkName(resource)));
        return this;
    }

    public String superUserName() {
        return superUser;
    }

    /** Every user with its password, the super user first. */
    public Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    public List<Acl> acls() {
        return List.copyOf(acls);
    }

    /**
     * The Kafka client properties that log in as {@code user} on a broker with this configuration
     * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
     */
    public Map<String, String> clientProperties(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such user: " + user);
        }
        return clientProperties(user, password);
    }

    /** The client properties for any credentials, including wrong ones (for tests of refusals). */
    public static Map<String, String> clientProperties(String user, String password) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password));
    }

    /** The SCRAM login module line for {@code sasl.jaas.config}. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Written next to the broker's data, readable by its owner only: the child reads it at start. */
    void writeTo(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("super", superUser);
        passwords.forEach((user, password) -> p.setProperty("user." + user, password));
        for (int i = 0; i < acls.size(); i++) {
            Acl acl = acls.get(i);
            p.setProperty("acl." + i, acl.user() + " " + acl.permission() + " " + acl.resource());
        }
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the temporary directory's own permissions have to do.
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Kafka users and ACLs for the forked broker");
        }
    }

    static BrokerSecurity readFrom(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        String superUser = Objects.requireNonNull(p.getProperty("super"), "no super user in " + file);
        BrokerSecurity security = superUser(superUser, p.getProperty("user." + superUser));
        p.stringPropertyNames().stream().filter(k -> k.startsWith("user.")).sorted().forEach(k -> {
            String user = k.substring("user.".length());
            if (!user.equals(superUser)) {
                security.user(user, p.getProperty(k));
            }
        });
        for (int i = 0; p.getProperty("acl." + i) != null; i++) {
            String[] parts = p.getProperty("acl." + i).split(" ");
            security.allow(parts[0], Permission.valueOf(parts[1]), parts[2]);
        }
        return security;
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid Kafka user, topic or group name: '" + name + "'");
        }
        return name;
    }

    /** Quotes would break the JAAS line and the storage tool's SCRAM syntax. */
    private static String checkPassword(String password) {
        if (password == null || password.length() < 8 || password.matches(".*[\"\\\\\\s,\\[\\]=].*")) {
            throw new IllegalArgumentException(
                    "a password needs 8+ characters without quotes, backslashes, spaces, commas, brackets or '='");
        }
        return password;
    }
}
