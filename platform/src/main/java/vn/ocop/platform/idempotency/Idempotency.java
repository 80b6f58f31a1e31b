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
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;

/**
 * {@code Idempotency-Key} for POST: the first request with a key runs and its response is stored in the same
 * transaction; a retry with the same key and body gets the stored response (header {@code Idempotent-Replayed: true})
 * and writes nothing; the same key with another body is refused (422). Keys are scoped to the caller.
 * If the first request fails, nothing is stored and the key can be used again.
 * <p>
 * The row is written once, complete, after the action (one read and one insert per request: issue #16). Requests
 * with the same caller and key are serialised by a transaction-scoped advisory lock instead of by the row: one that
 * finds the lock taken waits for the holder to end, then replays its response (or runs, if the holder failed). The
 * lock and the read are one statement, the database function {@code ocop_idempotency_claim} (platform V0_4), which
 * reads after it has waited.
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

    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters, e.g. a UUID");
        }
        String principal = user.actor();
        String hash = hash(operation + "\n" + toJson(request));
        // One round trip: waits while a request with this key is in flight, then reads what it stored (V0_4).
        List<?> claimed = query("select * from ocop_idempotency_claim(?1, ?2)", principal, key).getResultList();
        Object[] stored = claimed.isEmpty() ? null : (Object[]) claimed.get(0);
        if (stored != null) {
            return replay(key, hash, stored);
        }
        Response response = action.get();
        store(principal, key, operation, hash, response);
        return response;
    }

    /** The row, complete and once: no other writer can hold the key's lock meanwhile (see the class comment). */
    private void store(String principal, String key, String operation, String hash, Response response) {
        URI location = response.getLocation();
        query("""
                insert into idempotency_record
                    (principal, idempotency_key, operation, request_hash, response_status, response_body, location)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""", principal, key)
                .setParameter(3, operation).setParameter(4, hash)
                .setParameter(5, response.getStatus())
                .setParameter(6, response.getEntity() == null ? null : toJson(response.getEntity()))
                .setParameter(7, location == null ? null : location.toString())
                .executeUpdate();
    }

    private Response replay(String key, String hash, Object[] stored) {
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

    /** A native query on the caller's key: ?1 principal, ?2 key. */
    private NativeQuery<?> query(String sql, String principal, String key) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("idempotency_record") // not the whole second-level cache
                .setParameter(1, principal).setParameter(2, key);
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
