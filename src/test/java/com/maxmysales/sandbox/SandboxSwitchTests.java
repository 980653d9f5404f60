package com.maxmysales.sandbox;

import java.time.Clock;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code maxmysales.sandbox.enabled=false} (production) not one bean of the sandbox exists. */
class SandboxSwitchTests {

    @Configuration
    // The tests' own beans (the webhook receiver) live in this package too and are no part of the sandbox.
    @ComponentScan(basePackages = "com.maxmysales.sandbox",
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @ConfigurationPropertiesScan("com.maxmysales.sandbox")
    static class SandboxOnly {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        /** The sandbox keeps its registry in the platform's database; none is reached while the context starts. */
        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(new SimpleDriverDataSource());
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxOnly.class)
            .withPropertyValues("maxmysales.whatsapp.app-secret=secret");

    @Test
    void switchedOffTheSandboxHasNoBeans() {
        runner.withPropertyValues("maxmysales.sandbox.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(sandboxBeans(context)).isEmpty();
        });
    }

    @Test
    void switchedOnItsComponentsExist() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(GraphMessages.class).hasSingleBean(SandboxFaults.class)
                    .hasSingleBean(SandboxRegistry.class);
        });
    }

    private static java.util.List<String> sandboxBeans(org.springframework.context.ApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(java.util.Objects::nonNull)
                .map(org.springframework.util.ClassUtils::getUserClass)
                .filter(type -> type.getPackageName().startsWith("com.maxmysales.sandbox") && type != SandboxOnly.class)
                .map(Class::getSimpleName)
                .toList();
    }
}
