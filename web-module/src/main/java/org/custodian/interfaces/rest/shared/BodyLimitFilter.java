package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Bounds every request body before it is read into memory: a declared Content-Length over the endpoint's
 * {@link BodyLimit} is refused at once (413), and a body without one (chunked) is counted while it streams and
 * refused as soon as it passes the limit. Runs after authentication, so a caller without a token learns only that
 * (401); the public token endpoint has the smallest limit. The container's own limit (max-post-size-bytes in the
 * pre-boot commands) stops anything larger than the largest legitimate upload before it reaches the application.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class BodyLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitOf(resource.getResourceMethod(), resource.getResourceClass()) * 1024L;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    static long limitOf(Method method, Class<?> type) {
        BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (declared == null && type != null) {
            declared = type.getAnnotation(BodyLimit.class);
        }
        return declared == null ? BodyLimit.DEFAULT_KIB : declared.kib();
    }

    static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("the body is over this endpoint's limit of " + limit + " bytes ("
                + limit / 1024 + " KiB)");
    }

    /** Counts bytes as they are read; the first byte past the limit ends the request. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
