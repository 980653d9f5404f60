package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.WhenSandboxEnabled;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@WhenSandboxEnabled
class SandboxWebConfiguration {

    /** Only the Graph API and its media URLs want a token; the simulator and customer endpoints do not. */
    @Bean
    FilterRegistrationBean<GraphAccessTokenFilter> graphAccessToken(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new GraphAccessTokenFilter(json));
        registration.addUrlPatterns(GraphObjectsController.GRAPH + "/*", GraphObjectsController.MEDIA_FILES + "/*");
        return registration;
    }
}
