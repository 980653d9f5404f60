/**
 * WhatsApp Cloud API as Meta speaks it: connected numbers, the signed webhook and its durable inbox, parsing
 * what Meta sent into this module's events, and the Graph client that sends.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "platform :: outbound", "privacy :: crypto", "privacy :: spi", "privacy :: audit", "tenancy" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.whatsapp;
