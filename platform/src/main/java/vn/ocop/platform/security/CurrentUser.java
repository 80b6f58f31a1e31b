package vn.ocop.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, with the scope claims of their token. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** Who acted, for audit rows: the token subject, or "anonymous". */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller as an {@link Actor}, for service methods that also run outside a request. */
    public Actor asActor() {
        return new Actor(actor(), roles(), province().orElse(null), commune().orElse(null), producerId().orElse(null));
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> province() {
        return claim("province");
    }

    public Optional<String> commune() {
        return claim("commune");
    }

    public Optional<UUID> producerId() {
        return claim("producer_id").map(CurrentUser::uuidOrNull);
    }

    public Optional<UUID> channelId() {
        return claim("channel_id").map(CurrentUser::uuidOrNull);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous() || jwt == null || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
