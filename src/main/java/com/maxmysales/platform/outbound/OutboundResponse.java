package com.maxmysales.platform.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.ClassicHttpResponse;

/** An answer being read: its body is a stream with the caller's size limit; close it when done. */
public final class OutboundResponse implements AutoCloseable {

    private final ClassicHttpResponse response;
    private final Future<?> deadline;
    private final AtomicBoolean expired;

    OutboundResponse(ClassicHttpResponse response, Future<?> deadline, AtomicBoolean expired) {
        this.response = response;
        this.deadline = deadline;
        this.expired = expired;
    }

    public int status() {
        return response.getCode();
    }

    public Optional<String> header(String name) {
        var header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.of(header.getValue());
    }

    /** The declared length of the body, or -1 when the server did not say. */
    public long contentLength() {
        return response.getEntity() == null ? 0 : response.getEntity().getContentLength();
    }

    /**
     * The body, which fails with {@link ResponseTooLarge} as soon as it is longer than {@code maxBytes} (at once
     * when its declared length says so), and with a timeout once the request's deadline has passed.
     */
    public InputStream body(long maxBytes) throws IOException {
        if (contentLength() > maxBytes) {
            throw new ResponseTooLarge(maxBytes);
        }
        var entity = response.getEntity();
        return new Limited(entity == null ? InputStream.nullInputStream() : entity.getContent(), maxBytes);
    }

    /** The whole body, for small answers such as Graph's JSON. */
    public byte[] bytes(long maxBytes) throws IOException {
        try (var in = body(maxBytes)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        deadline.cancel(false);
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    private final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                // One byte past the limit is asked for, so that a body of exactly the limit is not refused.
                n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            } catch (IOException e) {
                throw expired.get() ? new HttpTimeoutException("the answer took longer than the request's deadline") : e;
            }
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new ResponseTooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 0), 8192)]));
        }
    }
}
