/**
 * Conversations and their messages both ways: the 24-hour customer-service window, the outbound queue
 * and its dispatcher under each number's limits, and delivery statuses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api", "platform :: outbound",
        "privacy :: crypto", "privacy :: masking", "privacy :: audit", "privacy :: requests", "privacy :: spi",
        "tenancy", "contacts", "whatsapp", "whatsapp :: message" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.messaging;
