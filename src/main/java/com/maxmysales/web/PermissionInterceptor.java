package com.maxmysales.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.WorkspaceMember;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place where roles are enforced: before any handler of {@code /app}, {@code /api}, the sandbox's tools
 * for people ({@code /sandbox/customers}, {@code /sandbox/phone}) or the operator's pages ({@code /operator}) runs,
 * the caller's role (a person's, or the one an API key was given; the operator token, sent or typed into the
 * operator's sign-in, holds {@link Permission#OPERATOR} only)
 * must grant the permission the handler declares with {@link RequiresPermission}. A handler that declares
 * none is refused to everyone. The API answers {@code 403} with a problem document; pages show the product's
 * "not allowed" page.
 */
class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var path = request.getServletPath();
        var api = path.startsWith("/api/") || path.startsWith("/sandbox/customers/");
        if (!(handler instanceof HandlerMethod method) || !(api || isPage(path))) {
            return true;
        }
        var required = required(method);
        if (required == null) {
            log.error("{} declares no @RequiresPermission: refused to everyone until it does",
                    method.getShortLogMessage());
            throw denied(api, "this endpoint is not open to anyone yet");
        }
        var granted = granted(SecurityContextHolder.getContext().getAuthentication());
        if (!granted.contains(required)) {
            throw denied(api, api ? "your role may not " + required.description() + " (needs " + required.code() + ")"
                    : "your role may not " + required.description() + ": ask an owner or admin of your workspace");
        }
        return true;
    }

    /**
     * The app's pages, the sandbox's phone simulator, which shows customers' chats to whoever opens it, and the
     * operator's pages (but their sign-in page, which is for anyone).
     */
    private static boolean isPage(String path) {
        return path.equals("/app") || path.startsWith("/app/") || path.equals("/sandbox/phone")
                || path.startsWith("/sandbox/phone/")
                || (path.startsWith("/operator/") && !path.equals(OperatorWebSecurity.SIGN_IN));
    }

    private static Permission required(HandlerMethod method) {
        var declared = method.getMethodAnnotation(RequiresPermission.class);
        if (declared == null) {
            declared = method.getBeanType().getAnnotation(RequiresPermission.class);
        }
        return declared == null ? null : declared.value();
    }

    private static Set<Permission> granted(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        if (authentication.getPrincipal() instanceof WorkspaceMember member) {
            return member.role().permissions();
        }
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> AdminTokenFilter.OPERATOR.equals(authority.getAuthority()))
                ? Set.of(Permission.OPERATOR) : Set.of();
    }

    private static RuntimeException denied(boolean api, String detail) {
        return api ? Refusal.forbidden(detail) : new AccessDeniedException(detail);
    }
}
