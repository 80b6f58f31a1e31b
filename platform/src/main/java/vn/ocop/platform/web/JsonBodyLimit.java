package vn.ocop.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.ConfigProvider;

import vn.ocop.platform.problem.ApiException;

/**
 * JSON request bodies are small (the largest, a product with its story, is a few KiB), so they get their own limit,
 * {@code ocop.http.max-json-body} (512 KiB by default), far below the service's body limit, which is sized for file
 * uploads and imports. {@link RequestLimits} refuses a declared {@code Content-Length} above it before the body is
 * read; this interceptor counts the bytes as JSON is read, so that a chunked body (no length declared) is refused
 * the same way, with 413 {@code PAYLOAD_TOO_LARGE}, once it passes the limit.
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new Capped(context.getInputStream(), maxBytes()));
        }
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    static boolean isJson(String contentType) {
        try {
            return contentType != null && isJson(MediaType.valueOf(contentType.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static long maxBytes() {
        return RequestLimits.bytes(ConfigProvider.getConfig().getOptionalValue("ocop.http.max-json-body", String.class).orElse("512K"));
    }

    static ApiException tooLarge(String size, long max) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "Content Too Large",
                "The JSON body is " + size + " bytes; JSON bodies may have at most " + max);
    }

    /** Throws once more than {@code max} bytes have been read. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }

    /**
     * An {@code IOException}, because Jackson passes the stream's I/O failures through as they are but wraps any
     * other exception into a mapping error (a 400); {@code ProblemMappers} answers it as 413.
     */
    public static final class TooLarge extends IOException {
        private final long max;

        TooLarge(long max) {
            super("JSON body over " + max + " bytes");
            this.max = max;
        }

        public ApiException toApiException() {
            return tooLarge("over " + max, max);
        }
    }
}
