package com.maxmysales.leads;

import com.maxmysales.contacts.ContactIdColumn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Leads follow a merged contact: the lead list, assignment and analytics see one person. */
@Component
class LeadsOfMergedContacts extends ContactIdColumn {

    LeadsOfMergedContacts(JdbcClient jdbc) {
        super(jdbc, "leads");
    }
}
