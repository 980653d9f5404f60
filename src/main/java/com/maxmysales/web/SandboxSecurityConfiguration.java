package com.maxmysales.web;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.ProblemResponses;
import com.maxmysales.tenancy.ApiKeyManagement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The sandbox's doors. It acts for one workspace at a time, so every call names one: its Graph API and media
 * URLs by the workspace's API key or a sandbox number's or page's own token (which the sandbox checks itself,
 * as Meta does), its customer endpoint and phone simulator by the API key or a signed-in member of any role.
 * Nobody reaches it anonymously. With the sandbox off, these paths lead nowhere.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain sandboxGraph(HttpSecurity http, ApiKeyManagement apiKeys) throws Exception {
        // Passed on to the sandbox, which answers in Meta's words: 401 with code 190 for a missing or unknown token.
        return http.securityMatcher("/sandbox/graph/**", "/sandbox/media/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain sandboxTools(HttpSecurity http, ApiKeyManagement apiKeys, ProblemResponses problems)
            throws Exception {
        var pages = PathPatternRequestMatcher.withDefaults().matcher("/sandbox/phone/**");
        return http.securityMatcher("/sandbox/phone/**", "/sandbox/customers/**")
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BasicAuthenticationFilter.class)
                // CSRF protects a signed-in member's session. A browser sends no Authorization header on its own, so a
                // request carrying one is no forged form; one with no session is refused as unauthenticated (401).
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> BearerToken.of(request) != null || !signedIn()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling
                        .accessDeniedPage(ErrorPageController.FORBIDDEN)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, new Refusal(Refusal.Kind.UNAUTHENTICATED, "unauthorized",
                                    "Unauthorized", "send the workspace's API key as Authorization: Bearer <key>, or sign in"));
                        }, AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES)))
                .build();
    }

    /** Whether the session (loaded before the CSRF check runs) holds a signed-in member. */
    private static boolean signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
