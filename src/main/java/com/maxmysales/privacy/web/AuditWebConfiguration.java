package com.maxmysales.privacy.web;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditSubjects;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AuditLog audit;
    private final AuditSubjects subjects;

    AuditWebConfiguration(AuditLog audit, AuditSubjects subjects) {
        this.audit = audit;
        this.subjects = subjects;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(audit, subjects));
    }
}
