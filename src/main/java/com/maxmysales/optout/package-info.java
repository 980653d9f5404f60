/**
 * Opting out: STOP and START (and a workspace's own words, per language) on WhatsApp, "unsubscribe" buttons,
 * plain sentences asking to stop, and "Unsubscribe" emails to the operator's mailbox, each recorded in the
 * contacts' consent ledger and confirmed to the person; with the numbers and deadlines the report needs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy", "privacy :: spi",
        "tenancy", "contacts", "messaging", "whatsapp :: message" })
package com.maxmysales.optout;
