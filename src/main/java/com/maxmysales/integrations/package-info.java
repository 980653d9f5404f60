/**
 * Outbound webhooks to the business's own systems: a message received, a status changed, signed with the
 * subscription's secret, retried with backoff, with a delivery log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: outbound",
        "privacy :: crypto", "privacy :: spi", "tenancy", "contacts", "messaging" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.integrations;
