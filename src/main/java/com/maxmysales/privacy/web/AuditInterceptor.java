package com.maxmysales.privacy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditSubjects;
import com.maxmysales.privacy.audit.PersonalDataRead;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the audit log for requests: a read of personal data ({@link PersonalDataRead}) before the data
 * leaves, so that no read goes unrecorded; an admin action (any change under the admin API, the operator's pages or
 * the web app's settings) once it is answered, with its status, so that refused attempts are on record too.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Set<String> ADMIN_PATHS = Set.of("/api/v1/admin/**", "/operator/**", "/app/settings/**");
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Request parameters that name what was asked for; every other parameter stays out of the log. */
    private static final List<String> SUBJECT_PARAMETERS = List.of("contactId", "conversationId", "phone", "email");
    /** Parameters of admin actions worth keeping: a role is what a role change is about. */
    private static final Set<String> DETAIL_PARAMETERS = Set.of("role");

    private final AuditLog audit;
    private final AuditSubjects subjects;
    private final AntPathMatcher paths = new AntPathMatcher();

    AuditInterceptor(AuditLog audit, AuditSubjects subjects) {
        this.audit = audit;
        this.subjects = subjects;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PersonalDataRead.class)) {
            audit.record(method.getMethodAnnotation(PersonalDataRead.class).value(), subject(request), null);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (READ_METHODS.contains(request.getMethod())
                || ADMIN_PATHS.stream().noneMatch(pattern -> paths.match(pattern, request.getRequestURI()))) {
            return;
        }
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        var detail = new StringBuilder("status=").append(response.getStatus());
        DETAIL_PARAMETERS.forEach(name -> {
            if (request.getParameter(name) != null) {
                detail.append(',').append(name).append('=').append(request.getParameter(name).replaceAll("[^a-z_-]", ""));
            }
        });
        try {
            audit.record("admin " + request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()),
                    subject(request), detail.toString());
        } catch (RuntimeException e) {
            // The action is done and answered; what can still be done is to say loudly that its record is missing.
            log.error("Audit record of an admin action ({} {}) could not be written", request.getMethod(), pattern, e);
        }
    }

    @SuppressWarnings("unchecked")
    private String subject(HttpServletRequest request) {
        var values = new LinkedHashMap<String, String>();
        var pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            values.putAll(pathVariables);
        }
        SUBJECT_PARAMETERS.forEach(name -> values.putIfAbsent(name, request.getParameter(name)));
        return subjects.describe(values);
    }
}
