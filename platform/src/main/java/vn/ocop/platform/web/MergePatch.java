package vn.ocop.platform.web;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.platform.problem.ApiException;

/**
 * JSON Merge Patch (RFC 7386, {@code application/merge-patch+json}): a PATCH body holds only the fields to change,
 * {@code null} removes an optional field. The patch is applied to the record's current state in request form, and the
 * result is read as strictly as a PUT body (unknown fields, control characters, wrong types are 400s naming the field)
 * and validated like one, so PATCH and PUT share every rule after this point.
 */
@ApplicationScoped
public class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper strict;
    private final Validator validator;

    @Inject
    public MergePatch(StrictJson json, Validator validator) {
        this.strict = json.mapper(); // the REST layer's own strict reader, so a PATCH is read exactly like a PUT
        this.validator = validator;
    }

    /**
     * @param current the record's current state as the request type (what a PUT of the unchanged record would send)
     * @param patch   the PATCH body (JSON is UTF-8, RFC 8259)
     */
    public <T> T apply(T current, byte[] patch, Class<T> type) throws IOException {
        JsonNode changes = patch == null || patch.length == 0 ? null : strict.readTree(patch);
        if (changes == null || !changes.isObject()) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed request body",
                    "A merge patch is a JSON object holding the fields to change");
        }
        T patched = strict.treeToValue(merge(strict.valueToTree(current), changes), type);
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    /** RFC 7386 section 2, as written. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}
