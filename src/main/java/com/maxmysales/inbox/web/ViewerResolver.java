package com.maxmysales.inbox.web;

import com.maxmysales.inbox.InboxViewers;
import com.maxmysales.inbox.Viewer;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A {@link Viewer} parameter: the caller as the inbox sees them, from the authenticated principal only. */
class ViewerResolver implements HandlerMethodArgumentResolver {

    private final InboxViewers viewers;

    ViewerResolver(InboxViewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Viewer.class);
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WorkspaceMember member) {
            return viewers.of(member);
        }
        throw new IllegalStateException("an inbox endpoint was reached without a workspace member");
    }
}
