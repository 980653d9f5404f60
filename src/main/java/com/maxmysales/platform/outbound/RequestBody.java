package com.maxmysales.platform.outbound;

import java.io.IOException;
import java.io.OutputStream;

/** What a call sends, written straight to the connection: a large body (a media upload) is never held in memory. */
public interface RequestBody {

    String contentType();

    /** The exact number of bytes {@link #writeTo} writes, sent as {@code Content-Length}. */
    long length();

    void writeTo(OutputStream out) throws IOException;

    static RequestBody of(byte[] bytes, String contentType) {
        return new RequestBody() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    static RequestBody json(byte[] bytes) {
        return of(bytes, "application/json");
    }
}
