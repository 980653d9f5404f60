package com.maxmysales.platform.outbound;

import java.io.IOException;

/** An answer was longer than the caller's limit; reading stopped at the limit, so nothing larger was held. */
public class ResponseTooLarge extends IOException {

    private final long limit;

    public ResponseTooLarge(long limit) {
        super("the answer is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
