/**
 * The operator's versioned privacy notice and its acceptances, and cookie consent. Other modules use {@link
 * PrivacyNotices}, {@link CookieConsents} and {@link CookieChoice} (named interface {@code notice}).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.notice;
