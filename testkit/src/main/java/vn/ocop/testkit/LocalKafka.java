package vn.ocop.testkit;

import java.util.Map;

import vn.ocop.events.TopicAccess;
import vn.ocop.kafka.BrokerSecurity;

/**
 * The users and ACLs of the local Kafka broker (tests, e2e and {@code ./ocop up}): a super user that administers it,
 * and one principal per service with the rights of its {@link TopicAccess}. The passwords are local conventions, not
 * secrets ({@code <principal>-local}, as the platform's dev profile assumes); production names its own.
 */
public final class LocalKafka {
    /** Administers the local broker (topics, users, ACLs) and serves tests that read or write any topic. */
    public static final String SUPER_USER = "ocop-admin";

    private LocalKafka() {
    }

    /** The broker's side: every user and every ACL. */
    public static BrokerSecurity security() {
        BrokerSecurity security = BrokerSecurity.superUser(SUPER_USER, password(SUPER_USER));
        for (TopicAccess access : TopicAccess.ALL) {
            String user = access.principal();
            security.user(user, password(user));
            access.writes().forEach(topic -> security.allowWrite(user, topic));
            access.reads().forEach(topic -> security.allowRead(user, topic));
            security.allowGroup(user, access.group());
        }
        return security;
    }

    public static String password(String principal) {
        return principal + "-local";
    }

    /** Kafka client properties that log in as the service's principal. */
    public static Map<String, String> serviceLogin(String service) {
        String principal = TopicAccess.forService(service).principal();
        return BrokerSecurity.clientProperties(principal, password(principal));
    }

    /** Kafka client properties that log in as the super user. */
    public static Map<String, String> superUserLogin() {
        return BrokerSecurity.clientProperties(SUPER_USER, password(SUPER_USER));
    }

    /**
     * The environment a service started as a process needs to log in (the platform's {@code OCOP_KAFKA_*} settings).
     */
    public static Map<String, String> serviceEnvironment(String service) {
        String principal = TopicAccess.forService(service).principal();
        return Map.of("OCOP_KAFKA_SECURITY_PROTOCOL", BrokerSecurity.PROTOCOL,
                "OCOP_KAFKA_USERNAME", principal, "OCOP_KAFKA_PASSWORD", password(principal));
    }
}
