package vn.ocop.evaluation.scoresheet;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON columns of sheets and results (small maps and lists stored as text). */
public final class SheetJson {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private SheetJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable", e);
        }
    }

    public static Map<String, String> choices(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    public static Map<String, BigDecimal> totals(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, BigDecimal>>() { });
    }

    public static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
