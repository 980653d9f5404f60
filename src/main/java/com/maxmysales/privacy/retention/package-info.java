/**
 * Retention classes per workspace, legal holds, and the auto-purge that can be rehearsed; other modules take part
 * through {@code privacy.spi} only.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.retention;
