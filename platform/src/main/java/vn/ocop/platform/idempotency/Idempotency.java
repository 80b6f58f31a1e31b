package vn.ocop.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;

/**
 * {@code Idempotency-Key} for POST: the first request with a key runs and its response is stored in the same
 * transaction; a retry with the same key and body gets the stored response (header {@code Idempotent-Replayed: true})
 * and writes nothing; the same key with another body is refused (422). Keys are scoped to the caller.
 * If the first request fails, nothing is stored and the key can be used again. The key is written once, with the
 * response (no insert then update).
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    /**
     * Runs {@code action} once per key: the first request's response is stored with one insert after the action, in
     * its transaction. A request whose key is already stored (a retry, or a concurrent twin whose insert committed
     * first) is rolled back, whatever its action did or refused, and answered with the stored response.
     */
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(action::get);
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters, e.g. a UUID");
        }
        String principal = user.actor();
        String hash = hash(operation + "\n" + toJson(request));
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Response response = action.get();
                if (!store(principal, key, operation, hash, response)) {
                    throw new KeyAlreadyUsed();
                }
                return response;
            });
        } catch (KeyAlreadyUsed | ApiException refused) {
            // Rolled back: answer what the key's first request answered, if any (a retry often fails a rule the
            // first request's effect now breaks, e.g. the tax code is taken by the producer it registered).
            Object[] stored = QuarkusTransaction.requiringNew().call(() -> find(principal, key));
            if (stored == null && refused instanceof ApiException api) {
                throw api;
            }
            if (stored == null) {
                throw new IllegalStateException("Idempotency key " + key + " conflicted but is not stored");
            }
            return replay(key, hash, stored);
        }
    }

    /** Stores the response under the key unless the key is already stored (then waits for its writer to finish). */
    private boolean store(String principal, String key, String operation, String hash, Response response) {
        URI location = response.getLocation();
        return entityManager.createNativeQuery("""
                insert into idempotency_record (principal, idempotency_key, operation, request_hash, response_status,
                                                response_body, location)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("idempotency_record") // not the whole second-level cache
                .setParameter(1, principal).setParameter(2, key).setParameter(3, operation).setParameter(4, hash)
                .setParameter(5, response.getStatus())
                .setParameter(6, response.getEntity() == null ? null : toJson(response.getEntity()), String.class)
                .setParameter(7, location == null ? null : location.toString(), String.class)
                .executeUpdate() == 1;
    }

    private Object[] find(String principal, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, response_status, response_body, location from idempotency_record
                where principal = ?1 and idempotency_key = ?2""")
                .setParameter(1, principal).setParameter(2, key)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Response replay(String key, String hash, Object[] stored) {
        if (!hash.equals(stored[0])) {
            throw ApiException.rule("IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key " + key + " was already used for a different request; use a new key");
        }
        Response.ResponseBuilder replay = Response.status(((Number) stored[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (stored[2] != null) {
            replay.entity(stored[2]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored[3] != null) {
            replay.location(URI.create((String) stored[3]));
        }
        return replay.build();
    }

    /** The key was stored meanwhile: roll the request back and replay. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable", e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
