package vn.ocop.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        // Waits for a concurrent request holding the same key to finish, then either inserts or sees its row.
        int inserted = entityManager.createNativeQuery("""
                insert into idempotency_record (principal, idempotency_key, operation, request_hash)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("idempotency_record") // not the whole second-level cache
                .setParameter(1, principal).setParameter(2, key).setParameter(3, operation).setParameter(4, hash)
                .executeUpdate();
        if (inserted == 1) {
            Response response = action.get();
            URI location = response.getLocation();
            entityManager.createNativeQuery("""
                    update idempotency_record set response_status = ?3, response_body = ?4, location = ?5
                    where principal = ?1 and idempotency_key = ?2""")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("idempotency_record")
                    .setParameter(1, principal).setParameter(2, key)
                    .setParameter(3, response.getStatus())
                    .setParameter(4, response.getEntity() == null ? null : toJson(response.getEntity()))
                    .setParameter(5, location == null ? null : location.toString())
                    .executeUpdate();
            return response;
        }
        Object[] stored = (Object[]) entityManager.createNativeQuery("""
                select request_hash, response_status, response_body, location from idempotency_record
                where principal = ?1 and idempotency_key = ?2""")
                .setParameter(1, principal).setParameter(2, key)
                .getSingleResult();
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
