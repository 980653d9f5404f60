/**
 * The hash-chained audit log of every read of personal data and every admin action. Other modules use {@link
 * AuditLog}, {@link AuditSubjects} and {@link PersonalDataRead} (named interface {@code audit}).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.audit;
