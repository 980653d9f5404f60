package com.maxmysales.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a page or API operation needs, on the controller method or on its class (a method's own
 * declaration wins). Every handler under {@code /app} and {@code /api} must have one: the web module checks it
 * before the handler runs and refuses a handler that declares none, and a test fails on any such handler.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

    Permission value();
}
