package vn.ocop.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Counts the bytes of a body as it is read and stops at the limit {@link BodyLimits} found for the operation, so that a
 * chunked body (no length declared) is refused with the same 413 as a declared one, as soon as it passes the limit and
 * without more than the limit in memory (Quarkus REST streams a body above its small input buffer to the reader).
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(BodyLimits.PROPERTY) instanceof BodyLimits.Limit limit) {
            context.setInputStream(new Capped(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    /** Throws once more than the limit has been read. */
    private static final class Capped extends FilterInputStream {
        private final BodyLimits.Limit limit;
        private long read;

        Capped(InputStream in, BodyLimits.Limit limit) {
            super(in);
            this.limit = limit;
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

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyLimits.TooLarge {
            read += n;
            if (read > limit.maxBytes()) {
                throw new BodyLimits.TooLarge(limit);
            }
        }
    }
}
