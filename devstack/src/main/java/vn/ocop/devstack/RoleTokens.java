package vn.ocop.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.ocop.testkit.Tokens;

/**
 * Dev tokens for each role of ARCHITECTURE §5, with the scope claims the services check. A claim given by the
 * caller overrides the role's default; {@code sub=...} sets the subject and {@code groups=a,b} the roles.
 */
public final class RoleTokens {

    /** A role, the scope claims it must carry and how its default subject is formed. */
    public enum Role {
        CENTRAL_OFFICER("central-officer"),
        PROVINCE_OFFICER("province-officer", "province"),
        INSPECTOR("inspector", "province"),
        COMMUNE_OFFICER("commune-officer", "province", "commune"),
        COUNCIL_MEMBER("council-member"),
        PRODUCER("producer", "producer_id"),
        CHANNEL_OPERATOR("channel-operator", "channel_id"),
        AUDITOR("auditor");

        private final String id;
        private final List<String> requiredClaims;

        Role(String id, String... requiredClaims) {
            this.id = id;
            this.requiredClaims = List.of(requiredClaims);
        }

        public String id() {
            return id;
        }

        public List<String> requiredClaims() {
            return requiredClaims;
        }

        public static Role of(String id) {
            String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (r.id.equals(wanted)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown role '" + id + "'; roles: " + ids());
        }

        public static String ids() {
            return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
        }
    }

    /** The demo province (Quảng Ngãi), the default of the province claim. */
    public static final String DEMO_PROVINCE = "51";

    private RoleTokens() {
    }

    /**
     * The claims a token for the role gets: the role's defaults ({@code defaults}, e.g. the demo commune or producer
     * id, plus the demo province and channel), overridden by {@code given}.
     *
     * @throws IllegalArgumentException if a claim the role needs has no value
     */
    public static Map<String, String> claims(Role role, Map<String, String> defaults, Map<String, String> given) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (String name : role.requiredClaims()) {
            String value = switch (name) {
                case "province" -> defaults.getOrDefault(name, DEMO_PROVINCE);
                default -> defaults.get(name);
            };
            if (value != null) {
                claims.put(name, value);
            }
        }
        claims.putAll(given);
        List<String> missing = new ArrayList<>();
        for (String name : role.requiredClaims()) {
            if (claims.get(name) == null || claims.get(name).isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("role " + role.id() + " needs the claim(s) " + String.join(", ", missing)
                    + (missing.contains("producer_id") ? " (e.g. producer_id=<producer uuid>; ./ocop up saves the demo"
                    + " producer's id and then it is the default)" : "")
                    + (missing.contains("channel_id") ? " (e.g. channel_id=<channel uuid>; ./ocop up saves the demo"
                    + " channel's id and then it is the default)" : ""));
        }
        return claims;
    }

    /** A signed token for the role with these claims (see {@link #claims}). */
    public static String mint(Role role, Map<String, String> claims) {
        Map<String, String> rest = new LinkedHashMap<>(claims);
        String subject = rest.remove("sub");
        String groups = rest.remove("groups");
        if (subject == null) {
            subject = defaultSubject(role, rest);
        }
        String[] roles = groups == null ? new String[] {role.id()} : groups.split(",");
        Tokens token = Tokens.of(subject, roles);
        rest.forEach(token::claim);
        return token.mint();
    }

    /** Readable subjects that also keep officers of different provinces apart (idempotency keys are per subject). */
    static String defaultSubject(Role role, Map<String, String> claims) {
        return switch (role) {
            case CENTRAL_OFFICER -> "central-officer@mae.gov.vn";
            case PROVINCE_OFFICER -> "officer-" + claims.get("province") + "@ocop.gov.vn";
            case INSPECTOR -> "inspector-" + claims.get("province") + "@ocop.gov.vn";
            case COMMUNE_OFFICER -> "commune-officer-" + claims.get("commune") + "@ocop.gov.vn";
            case COUNCIL_MEMBER -> "council-member@ocop.gov.vn";
            case PRODUCER -> "producer-" + claims.get("producer_id");
            case CHANNEL_OPERATOR -> "channel-operator-" + claims.get("channel_id");
            case AUDITOR -> "auditor@ocop.gov.vn";
        };
    }
}
