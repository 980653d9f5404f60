package com.maxmysales.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Marks every bean of the sandbox: with {@code maxmysales.sandbox.enabled=false} none of them exists, so a
 * production platform exposes no emulator endpoint and runs none of its threads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "maxmysales.sandbox.enabled", matchIfMissing = true)
public @interface WhenSandboxEnabled {
}
