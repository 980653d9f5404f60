package com.maxmysales.messaging;

import com.maxmysales.contacts.ContactIdColumn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Media files follow a merged contact, so that an erasure of the person still finds them. */
@Component
class MediaOfMergedContacts extends ContactIdColumn {

    MediaOfMergedContacts(JdbcClient jdbc) {
        super(jdbc, "media_files");
    }
}
