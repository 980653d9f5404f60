/**
 * The privacy policy as code: field encryption under per-workspace keys and blind indexes, the operator's
 * versioned privacy notice and its acceptances, cookie consent, and (as they land) retention,
 * data-principal requests and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform" })
package com.maxmysales.privacy;
