package com.maxmysales.platform.outbound;

import java.net.InetAddress;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);
    static final String LEGACY_SETTING = "maxmysales.integrations.allow-private-targets";

    /** The JVM's resolver (the operating system's, cached by the JDK for 30 s). */
    @Bean
    HostResolver systemHostResolver() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }

    @Bean
    OutboundGuard outboundGuard(HostResolver resolver, OutboundHttpSettings settings, Environment environment) {
        var legacy = environment.getProperty(LEGACY_SETTING, Boolean.class, false);
        if (legacy) {
            log.warn("{} is deprecated: set maxmysales.outbound-http.allow-private-addresses=true instead", LEGACY_SETTING);
        }
        return new OutboundGuard(resolver, settings.allowPrivateAddresses() || legacy);
    }

    @Bean
    OutboundHttp outboundHttp(OutboundGuard guard, OutboundHttpSettings settings) {
        return new OutboundHttp(guard, settings);
    }
}
