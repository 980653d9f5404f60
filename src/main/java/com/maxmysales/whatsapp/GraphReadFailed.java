package com.maxmysales.whatsapp;

import java.io.IOException;

/** Graph refused a read; {@code code} is Meta's error code (0 when there was none), which decides on a retry. */
public class GraphReadFailed extends IOException {

    private final int code;

    public GraphReadFailed(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
