package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.WhenSandboxEnabled;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@WhenSandboxEnabled
class SandboxWebConfiguration {

    /**
     * Only the Graph API and its media URLs take the sandbox's own tokens; the simulator and the customer
     * endpoint act for a signed-in member or an API key, as the platform's security chain decides. Registered
     * after Spring Security's filter, so that an API key is already known here.
     */
    @Bean
    FilterRegistrationBean<GraphCallerFilter> graphCaller(SandboxRegistry registry, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new GraphCallerFilter(registry, json));
        registration.addUrlPatterns(GraphObjectsController.GRAPH + "/*", GraphObjectsController.MEDIA_FILES + "/*");
        return registration;
    }
}
