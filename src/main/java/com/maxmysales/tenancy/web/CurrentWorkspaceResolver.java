package com.maxmysales.tenancy.web;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets any controller declare a {@link WorkspaceId} parameter and receive the caller's workspace, taken
 * from the authenticated principal and never from the request: a client cannot name another workspace.
 */
class CurrentWorkspaceResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(WorkspaceId.class);
    }

    @Override
    public WorkspaceId resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WorkspaceMember member) {
            return member.workspaceId();
        }
        // A credential that acts for a workspace and for no person or key in it: a sandbox number's token.
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof WorkspaceId workspace) {
            return workspace;
        }
        throw new IllegalStateException("a workspace-scoped endpoint was reached without a workspace principal");
    }
}
