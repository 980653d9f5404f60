/**
 * Opting out: STOP and START (and a workspace's own words, per language) on WhatsApp, "unsubscribe" buttons,
 * plain sentences asking to stop, "Unsubscribe" emails to the operator's mailbox, and WhatsApp's own marketing
 * opt-out (a {@code user_preferences} stop or resume, error 131050), each recorded in the contacts' consent
 * ledger, and the person's own requests confirmed to them; with the numbers and deadlines the report needs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy :: crypto",
        "privacy :: audit", "privacy :: spi", "tenancy", "contacts", "messaging", "whatsapp", "whatsapp :: message",
        "knowledge" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.optout;
