package com.maxmysales.platform;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    DataDirectory dataDirectory(@Value("${maxmysales.data-dir:./data}") Path root) {
        return new DataDirectory(root);
    }

    /** The only clock in the platform, so that windows, retention and limits can be tested at a fixed time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
