package vn.ocop.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker side of {@link BrokerSecurity}, in the forked JVM: the listener settings, the super user's SCRAM
 * credentials written at storage format, and the other users and ACLs applied through the Admin API once the broker
 * runs (idempotent, so a restart on kept data applies them again harmlessly).
 *
 * <p>The client listener authenticates with SCRAM-SHA-512. The controller listener uses SASL PLAIN with the super
 * user's static credentials: KRaft controllers cannot check SCRAM (its credentials live in the metadata they serve),
 * and a PLAINTEXT controller port would make anyone on the machine an anonymous peer of the broker.
 */
final class BrokerSecuritySetup {

    private static final Duration APPLY_LIMIT = Duration.ofSeconds(60);

    private final BrokerSecurity security;

    BrokerSecuritySetup(BrokerSecurity security) {
        this.security = security;
    }

    /** Replaces the open listeners of {@code p} by authenticated ones and turns the authorizer on. */
    void configure(Properties p, int port, int controllerPort) {
        String admin = security.superUserName();
        String password = security.passwords().get(admin);
        p.setProperty("listeners", "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "CLIENT://127.0.0.1:" + port);
        p.setProperty("inter.broker.listener.name", "CLIENT");
        p.setProperty("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", BrokerSecurity.MECHANISM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", BrokerSecurity.MECHANISM);
        p.setProperty("listener.name.client.scram-sha-512.sasl.jaas.config", BrokerSecurity.jaasConfig(admin, password));
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                        + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + admin);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
    }

    /** The storage tool's arguments that create the super user's credentials with the cluster. */
    List<String> formatArguments() {
        String admin = security.superUserName();
        return List.of("--add-scram",
                BrokerSecurity.MECHANISM + "=[name=" + admin + ",password=" + security.passwords().get(admin) + "]");
    }

    /** How this JVM's own admin client logs in. */
    Map<String, Object> adminClientConfig(String bootstrap) {
        return clientConfig(bootstrap, security.superUserName(), "ocop-kafka-broker-setup");
    }

    /** Creates the other users and the ACLs, and returns once the broker enforces them. */
    void apply(Admin admin, String bootstrap) throws Exception {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        security.passwords().forEach((user, password) -> {
            if (!user.equals(security.superUserName())) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password));
            }
        });
        if (!users.isEmpty()) {
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
        }
        List<AclBinding> bindings = security.acls().stream().map(BrokerSecuritySetup::binding).toList();
        if (!bindings.isEmpty()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        }
        awaitEnforced(admin, bootstrap, users.size(), bindings.size());
    }

    /**
     * The controller has committed users and ACLs; the broker applies them from its metadata a moment later. READY
     * must not come before a service can log in, so wait until the broker lists the ACLs and the last user logs in.
     */
    private void awaitEnforced(Admin admin, String bootstrap, int userCount, int aclCount) throws Exception {
        long deadline = System.nanoTime() + APPLY_LIMIT.toNanos();
        String lastUser = security.passwords().keySet().stream().reduce((a, b) -> b).orElseThrow();
        while (true) {
            boolean aclsLoaded = admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).size() >= aclCount;
            if (aclsLoaded && (userCount == 0 || canLogIn(bootstrap, lastUser))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("users and ACLs not enforced after " + APPLY_LIMIT);
            }
            Thread.sleep(100);
        }
    }

    private boolean canLogIn(String bootstrap, String user) throws InterruptedException {
        try (Admin probe = Admin.create(clientConfig(bootstrap, user, "ocop-kafka-broker-probe"))) {
            probe.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            // Refused as unknown until the broker has the credentials; any other answer means the login worked.
            return !(e.getCause() instanceof AuthenticationException);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private Map<String, Object> clientConfig(String bootstrap, String user, String clientId) {
        Map<String, Object> cfg = new java.util.HashMap<>(security.clientProperties(user));
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return cfg;
    }

    private static AclBinding binding(BrokerSecurity.Acl acl) {
        ResourceType type = acl.permission() == BrokerSecurity.Permission.READ_GROUP ? ResourceType.GROUP : ResourceType.TOPIC;
        AclOperation operation = acl.permission() == BrokerSecurity.Permission.WRITE_TOPIC ? AclOperation.WRITE : AclOperation.READ;
        return new AclBinding(new ResourcePattern(type, acl.resource(), PatternType.LITERAL),
                new AccessControlEntry("User:" + acl.user(), "*", operation, AclPermissionType.ALLOW));
    }
}
