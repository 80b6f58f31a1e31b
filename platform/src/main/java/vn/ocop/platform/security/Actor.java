package vn.ocop.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who performs a change, with the scope claims that decide what they may touch. The REST layer takes it from the
 * caller's token ({@link CurrentUser#asActor()}); work done on someone's behalf outside a request (a bulk import job)
 * builds it from what the job recorded ({@link #officer}), so both go through the same rules and audit.
 */
public record Actor(String name, Set<String> roles, String province, String commune, UUID producerId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** An officer acting through a background job: a central officer when {@code province} is null, else a province officer. */
    public static Actor officer(String name, String province) {
        return new Actor(name, Set.of(province == null ? Roles.CENTRAL_OFFICER : Roles.PROVINCE_OFFICER), province, null, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A producer's own account acting on its own records (and not also an officer). */
    public boolean isProducer() {
        return hasRole(Roles.PRODUCER) && !hasRole(Roles.CENTRAL_OFFICER) && !hasRole(Roles.PROVINCE_OFFICER);
    }

    /** The roles as the audit trail stores them. */
    public String rolesText() {
        return String.join(",", roles.stream().sorted().toList());
    }
}
