/**
 * What the built-in sandbox implements so that the platform can open sandbox numbers and pages without
 * depending on it; when the sandbox is off, no bean of it exists.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package com.maxmysales.whatsapp.spi;
