package com.maxmysales.messaging;

import java.io.IOException;

/** A media file is larger than Meta's limit for its type; reading stopped at the limit. */
class MediaTooLarge extends IOException {

    MediaTooLarge(long limit) {
        super("the file is larger than " + limit + " bytes");
    }
}
