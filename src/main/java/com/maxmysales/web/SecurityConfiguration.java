package com.maxmysales.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.ProblemResponses;
import com.maxmysales.tenancy.AdminToken;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.LoginAttempts;
import com.maxmysales.tenancy.OperatorSignIns;
import com.maxmysales.tenancy.SignedInMembers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Five doors: the operator's admin API (admin token), the workspace API (API keys), machine-to-machine
 * endpoints that authenticate each request themselves (webhooks by signature), the operator's pages (the admin token
 * typed into a form, a session of its own) and the web app (form login, sessions, CSRF). The sandbox has its own
 * two, in {@link SandboxSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AdminToken adminToken, ProblemResponses problems) throws Exception {
        return statelessApi(http.securityMatcher("/api/v1/admin/**", "/actuator/prometheus"), problems)
                .addFilterBefore(new AdminTokenFilter(adminToken), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AdminTokenFilter.OPERATOR))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> {
                    if (!adminToken.isConfigured()) {
                        // No token configured means there is no admin API to find.
                        problems.write(response, new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "Not found",
                                "the admin API is off: set maxmysales.admin-token to enable it"));
                    } else {
                        unauthorized(problems, response, "a valid operator token is required");
                    }
                }))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain workspaceApi(HttpSecurity http, ApiKeyManagement apiKeys, ProblemResponses problems)
            throws Exception {
        // Any valid key gets through; what its role may do is the PermissionInterceptor's to decide.
        return statelessApi(http.securityMatcher("/api/**"), problems)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("ROLE_API"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) ->
                        unauthorized(problems, response, "send a workspace API key as Authorization: Bearer <key>")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**", "/actuator/health/**", "/actuator/health")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES)))
                .build();
    }

    /**
     * The operator's pages under {@code /operator}: signed in by typing the admin token (throttled per address, every
     * refusal audited), CSRF on every form, a new session id at sign-in. The sign-in is kept in the session under a
     * key of its own ({@link OperatorWebSecurity#CONTEXT_KEY}): the members' chain never reads it, so an operator's
     * session is nobody in {@code /app} (and the APIs take no session at all), and no member's sign-in is anybody here.
     * Without an admin token configured, every path here answers 404.
     */
    @Bean
    @Order(3)
    SecurityFilterChain operatorWeb(HttpSecurity http, OperatorSignIns signIns) throws Exception {
        var contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(OperatorWebSecurity.CONTEXT_KEY);
        return http.securityMatcher("/operator", "/operator/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authenticationManager(new ProviderManager(new OperatorWebSecurity.TokenCheck(signIns)))
                .addFilterBefore(new OperatorWebSecurity.Off(signIns), DisableEncodeUrlFilter.class)
                .addFilterBefore(new OperatorWebSecurity.Throttle(signIns), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OperatorWebSecurity.SIGN_IN).permitAll()
                        .anyRequest().hasAuthority(AdminTokenFilter.OPERATOR))
                // Where to go after signing in is always the same page: no saved request to mix with the members'.
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.loginPage(OperatorWebSecurity.SIGN_IN)
                        .passwordParameter(OperatorWebSecurity.TOKEN_FIELD)
                        .successHandler((request, response, authentication) -> {
                            signIns.succeeded(request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + OperatorWebSecurity.HOME);
                        })
                        .failureHandler((request, response, exception) -> {
                            signIns.refused(request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + OperatorWebSecurity.SIGN_IN + "?error");
                        }))
                .logout(logout -> logout.logoutUrl("/operator/logout")
                        .logoutSuccessUrl(OperatorWebSecurity.SIGN_IN + "?signedOut"))
                .exceptionHandling(handling -> handling.accessDeniedPage(ErrorPageController.FORBIDDEN))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES)))
                .build();
    }

    /**
     * Signed-in pages. Which role may open which page is decided in one place for the whole platform, the
     * {@link PermissionInterceptor}; this chain only asks for a signed-in person who is still a member, and throttles
     * the login.
     */
    @Bean
    @Order(4)
    SecurityFilterChain webApp(HttpSecurity http, LoginAttempts attempts, SignedInMembers members) throws Exception {
        var afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();
        afterLogin.setDefaultTargetUrl("/app");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/privacy", "/signup", "/login", "/invite/**", "/password-reset",
                                "/password-reset/**", "/consent/**", "/error", ErrorPageController.FORBIDDEN,
                                "/css/**", "/js/**", "/img/**", "/favicon.ico", "/favicon.svg", "/webjars/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(appPagesOnly()))
                .addFilterBefore(new LoginThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CurrentMemberFilter(members), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            attempts.succeeded(request.getParameter("username"));
                            afterLogin.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            attempts.failed(ClientAddresses.limited(request.getRemoteAddr()));
                            TypedEmail.remember(request);
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedPage(ErrorPageController.FORBIDDEN)
                        // The app's pages send a visitor to sign in; any other path they may not see is, to a
                        // visitor, a page that does not exist (an unknown URL too): the 404 page, not the login.
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/app/**"))
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                response.sendError(HttpServletResponse.SC_NOT_FOUND), AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES)))
                .build();
    }

    /** After signing in, a member goes back to the app page they asked for; never to any other path they tried. */
    private static HttpSessionRequestCache appPagesOnly() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/app/**"));
        return cache;
    }

    private static HttpSecurity statelessApi(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problems.write(response, Refusal.forbidden("this credential may not do that"))));
    }

    private static void unauthorized(ProblemResponses problems, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(response, new Refusal(Refusal.Kind.UNAUTHENTICATED, "unauthorized", "Unauthorized", detail));
    }
}
