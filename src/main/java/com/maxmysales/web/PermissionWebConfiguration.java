package com.maxmysales.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PermissionWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First of all interceptors: a refused read must not be audited as a read, nor reach any handler logic.
        registry.addInterceptor(new PermissionInterceptor()).order(Ordered.HIGHEST_PRECEDENCE);
    }
}
