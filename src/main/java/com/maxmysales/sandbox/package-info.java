/**
 * A built-in stand-in for Meta's WhatsApp Cloud API (Graph endpoints, signed webhooks back to the platform,
 * fault injection and a phone simulator), so that a fresh install works end to end without a Meta account.
 * It opens numbers and pages per workspace (the platform asks through {@code whatsapp.spi}), answers for those
 * alone, and otherwise speaks to the platform over HTTP only, as Meta does; it is off in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "tenancy", "whatsapp :: spi" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.sandbox;
