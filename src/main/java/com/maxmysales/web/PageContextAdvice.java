package com.maxmysales.web;

import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.privacy.notice.PrivacyNotices;
import com.maxmysales.shared.Permission;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.TenancySettings;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every server-rendered page its {@link PageContext} as the model attribute {@code page}. */
@ControllerAdvice(annotations = Controller.class)
class PageContextAdvice {

    private final WebSettings settings;
    private final PrivacyNotices notices;
    private final WorkspaceManagement workspaces;
    private final TenancySettings tenancy;
    private final boolean sandboxEnabled;
    private final Clock clock;

    PageContextAdvice(WebSettings settings, PrivacyNotices notices, WorkspaceManagement workspaces,
            TenancySettings tenancy, @Value("${maxmysales.sandbox.enabled:true}") boolean sandboxEnabled, Clock clock) {
        this.settings = settings;
        this.notices = notices;
        this.workspaces = workspaces;
        this.tenancy = tenancy;
        this.sandboxEnabled = sandboxEnabled;
        this.clock = clock;
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var noticeVersion = notices.current().version();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String userName = null;
        String role = null;
        Set<Permission> permissions = Set.of();
        var noticeToAccept = false;
        String workspaceName = null;
        var zone = tenancy.defaultTimeZone();
        if (authentication != null && authentication.getPrincipal() instanceof BusinessUserPrincipal user) {
            userName = workspaces.member(user.workspaceId(), user.userId()).displayName();
            var workspace = workspaces.get(user.workspaceId());
            workspaceName = workspace.name();
            zone = workspace.timeZone();
            role = user.role().code();
            permissions = user.role().permissions();
            noticeToAccept = !notices.hasAcceptedCurrent(user.userId());
        }
        return new PageContext(
                csrf == null ? null : csrf.getParameterName(),
                csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken(),
                ConsentCookie.choiceOf(request, noticeVersion),
                settings.googleAnalyticsId(), settings.metaPixelId(), settings.anyAnalytics(),
                userName, role, permissions, noticeToAccept, noticeVersion, isOperator(authentication),
                workspaceName, zone, clock.instant(), sandboxEnabled, request.getRequestURI());
    }

    /** Only the operator's own chain ever holds this authority in a page request: its sign-in, under its own key. */
    private static boolean isOperator(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> AdminTokenFilter.OPERATOR.equals(authority.getAuthority()));
    }
}
