/**
 * The privacy policy as code: the operator's versioned privacy notice and its acceptances, cookie consent,
 * and (as they land) field encryption, retention, data-principal requests and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform" })
package com.maxmysales.privacy;
