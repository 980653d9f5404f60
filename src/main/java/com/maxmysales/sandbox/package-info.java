/**
 * A built-in stand-in for Meta's WhatsApp Cloud API (Graph endpoints, signed webhooks back to the platform,
 * fault injection and a phone simulator), so that a fresh install works end to end without a Meta account;
 * it speaks to the rest of the platform over HTTP only, as Meta does, and is off in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.maxmysales.sandbox;
