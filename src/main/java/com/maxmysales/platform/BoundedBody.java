package com.maxmysales.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;

/**
 * A request body taken as a stream, with its limit checked while it is read: a declared length over the limit
 * is refused before a byte is read, and a body without one (chunked) the moment it passes the limit. Servlet
 * containers check the limit of multipart uploads themselves; a raw body has none unless it is read through this.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param declaredLength the body's declared length (its {@code Content-Length}), or -1 when it has none
     * @throws Refusal {@code TOO_LARGE content-too-large}, at once or from {@code read}
     */
    public static InputStream of(InputStream body, long declaredLength, DataSize limit) {
        var max = limit.toBytes();
        if (declaredLength > max) {
            throw tooLarge(limit);
        }
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                var b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                var n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                var skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long bytes) {
                read += bytes;
                if (read > max) {
                    throw tooLarge(limit);
                }
            }
        };
    }

    public static Refusal tooLarge(DataSize limit) {
        return new Refusal(Refusal.Kind.TOO_LARGE, "content-too-large", "Content too large",
                "the upload is larger than " + (limit.toMegabytes() > 0 ? limit.toMegabytes() + " MB" : limit.toBytes() + " bytes"));
    }
}
