/**
 * Ad leads (Google Ads lead forms, Meta Lead Ads) taken in, matched to a contact with consent for the lead's
 * follow-up only, and followed up on WhatsApp within seconds by a template and an assigned agent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy :: crypto",
        "privacy :: audit", "privacy :: spi", "tenancy", "contacts", "messaging", "inbox", "whatsapp", "whatsapp :: spi",
        "whatsapp :: message" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.leads;
