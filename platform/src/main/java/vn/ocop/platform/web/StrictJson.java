package vn.ocop.platform.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the REST layer reads request bodies: strictly, so that a mistake in a client is a 400 naming the field instead of
 * data silently lost or mangled. Unknown fields and duplicate keys are refused (a misspelt field used to be ignored,
 * a repeated one to win), so are text with control characters ({@link TextRules}), enum constants given by number and
 * anything after the JSON value. Writing is the application's usual mapper; its other uses (stored JSON, import rows)
 * keep their own rules.
 */
@Provider
@Singleton
public class StrictJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;

    @Inject
    public StrictJson(ObjectMapper application) {
        ObjectMapper copy = application.copy();
        copy.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        copy.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        copy.registerModule(new SimpleModule("ocop-strict-text").addDeserializer(String.class, new CleanText()));
        this.strict = copy;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** The strict reader, for bodies read outside the REST layer's own reading (upload rows, lists of records). */
    public ObjectMapper mapper() {
        return strict;
    }

    /** A JSON string value that breaks {@link TextRules}; the problem mapper names the field from its path. */
    public static final class RefusedText extends JsonMappingException {
        RefusedText(JsonParser parser) {
            super(parser, TextRules.CONTROL_CHARACTER);
        }
    }

    private static final class CleanText extends StdScalarDeserializer<String> {
        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!TextRules.isCleanText(value)) {
                throw new RefusedText(parser);
            }
            return value;
        }
    }
}
