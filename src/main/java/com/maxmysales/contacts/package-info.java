/**
 * The people a workspace talks to: their numbers, WhatsApp identities, names and emails, all encrypted and
 * found again through blind indexes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "privacy :: crypto", "privacy :: requests", "privacy :: audit", "privacy :: spi", "tenancy" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.contacts;
