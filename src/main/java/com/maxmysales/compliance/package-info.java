/**
 * What a business and its Data Protection Officer answer for: the breach register (who is affected, the 72-hour
 * report to the Data Protection Board, reminders, the notices to each person, the operator's platform-wide
 * incidents), the log of disclosures to authorities, and the compliance report of a period as JSON, HTML and a
 * typeset PDF. It reads the other modules through their public query methods only, and owns nothing but its own
 * registers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "privacy :: crypto", "privacy :: audit", "privacy :: requests", "privacy :: retention", "privacy :: masking",
        "privacy :: spi", "optout", "contacts", "campaigns", "tenancy" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.compliance;
