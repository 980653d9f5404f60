package com.maxmysales.privacy.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;

/**
 * Marks a controller method that shows personal data: every call is written to the {@link AuditLog} before
 * the method runs, with the caller and the ids it was asked for (phone numbers and emails as keyed hashes).
 * If the record cannot be written, the data is not shown.
 */
@NamedInterface("audit")
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalDataRead {

    /** The action as the audit log names it, e.g. {@code contact.read}. */
    String value();
}
