package com.maxmysales.whatsapp;

import java.io.IOException;

/** Graph refused a call; {@code code} is Meta's error code (0 when there was none), which decides on a retry. */
public class GraphCallFailed extends IOException {

    private final int code;

    public GraphCallFailed(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
