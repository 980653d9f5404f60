/**
 * What other modules implement so that privacy can reach their data without depending on them.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.spi;
