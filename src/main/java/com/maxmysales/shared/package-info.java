/**
 * Value types every module speaks in: identifiers, phone numbers and emails in the one form every module stores and
 * hashes them in, secrets, and the markers every module's code is checked by; nothing with behaviour beyond reading
 * and validating a value.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.maxmysales.shared;
