/**
 * Value types every module speaks in: identifiers and secrets, nothing with behaviour beyond validation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.maxmysales.shared;
