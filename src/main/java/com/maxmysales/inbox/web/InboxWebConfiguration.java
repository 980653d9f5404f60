package com.maxmysales.inbox.web;

import java.util.List;

import com.maxmysales.inbox.InboxViewers;
import com.maxmysales.inbox.Viewer;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class InboxWebConfiguration implements WebMvcConfigurer {

    static {
        // Resolved from the caller's credentials, never sent by the client: not a parameter of the API reference.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
    }

    private final InboxViewers viewers;

    InboxWebConfiguration(InboxViewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerResolver(viewers));
    }
}
