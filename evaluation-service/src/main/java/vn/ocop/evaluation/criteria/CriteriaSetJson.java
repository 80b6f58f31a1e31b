package vn.ocop.evaluation.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.ocop.evaluation.rating.CriteriaSet;

/** The one JSON form of a criteria set: the shipped resources, the stored body and the API all use it. */
public final class CriteriaSetJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CriteriaSetJson() {
    }

    public static CriteriaSet read(String json) {
        try {
            return JSON.readValue(json, CriteriaSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a criteria set: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(CriteriaSet set) {
        try {
            return JSON.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Criteria set not serialisable", e);
        }
    }

    /** A criteria set shipped under {@code criteria-sets/} on the classpath. */
    public static CriteriaSet resource(String id) {
        try (InputStream in = CriteriaSetJson.class.getClassLoader().getResourceAsStream("criteria-sets/" + id + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No shipped criteria set " + id);
            }
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
