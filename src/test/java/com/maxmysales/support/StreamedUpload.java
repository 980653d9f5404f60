package com.maxmysales.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a request body of any size from a stream over a plain socket, and reads the answer while the body is
 * still being sent: a server that refuses an upload early answers before the client has finished, then closes
 * the connection. Nothing of the body is held in memory, so a test can send hundreds of megabytes.
 */
public final class StreamedUpload {

    /** What the server answered, and how many bytes of the body it took before it did. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private StreamedUpload() {
    }

    /**
     * @param length the body's length for {@code Content-Length}, or -1 to send it chunked
     */
    public static Answer post(int port, String path, Map<String, String> headers, InputStream body, long length)
            throws IOException, InterruptedException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300_000);
            var out = socket.getOutputStream();
            var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            var sent = new AtomicLong();
            var writer = Thread.ofPlatform().daemon().start(() -> send(body, out, length < 0, sent));
            try {
                return read(new BufferedInputStream(socket.getInputStream()), sent);
            } finally {
                socket.close();
                writer.join(10_000);
            }
        }
    }

    /** Bytes of a pattern repeated up to a size, between a head and a tail: a file of any size that exists nowhere. */
    public static InputStream generated(String head, String pattern, long size, String tail) {
        var headBytes = head.getBytes(StandardCharsets.UTF_8);
        var patternBytes = pattern.getBytes(StandardCharsets.UTF_8);
        var tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        var middle = size - headBytes.length - tailBytes.length;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                var one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                var count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++, position++) {
                    into[offset + i] = position < headBytes.length ? headBytes[(int) position]
                            : position < headBytes.length + middle
                                    ? patternBytes[(int) ((position - headBytes.length) % patternBytes.length)]
                                    : tailBytes[(int) (position - headBytes.length - middle)];
                }
                return count;
            }
        };
    }

    private static void send(InputStream body, OutputStream out, boolean chunked, AtomicLong sent) {
        var buffer = new byte[64 * 1024];
        try (body) {
            int read;
            while ((read = body.read(buffer)) > 0) {
                if (chunked) {
                    out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, read);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent.addAndGet(read);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // It answered before taking the whole body: the answer is what counts.
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        var statusLine = line(in);
        var status = Integer.parseInt(statusLine.split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (var line = line(in); !line.isEmpty(); line = line(in)) {
            var colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        var body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (var size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), sent.get());
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
