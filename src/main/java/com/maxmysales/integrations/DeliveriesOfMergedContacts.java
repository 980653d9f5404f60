package com.maxmysales.integrations;

import com.maxmysales.contacts.ContactIdColumn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Outbound webhook deliveries follow a merged contact, so that an erasure of the person still finds them. */
@Component
class DeliveriesOfMergedContacts extends ContactIdColumn {

    DeliveriesOfMergedContacts(JdbcClient jdbc) {
        super(jdbc, "webhook_deliveries");
    }
}
