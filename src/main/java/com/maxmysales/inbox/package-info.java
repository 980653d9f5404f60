/**
 * The team inbox: conversations as agents work them, the thread of one with its composer, internal notes, canned
 * responses and the customer's panel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy :: crypto",
        "privacy :: audit", "privacy :: spi", "tenancy", "contacts", "leads", "messaging", "whatsapp", "whatsapp :: message" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.inbox;
