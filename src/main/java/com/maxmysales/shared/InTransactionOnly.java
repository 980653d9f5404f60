package com.maxmysales.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event, of any module, that carries personal data: it may only be heard by synchronous
 * {@code @EventListener}s inside the publishing transaction, never by listeners whose publications Spring Modulith
 * persists (unencrypted, outside retention).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InTransactionOnly {
}
