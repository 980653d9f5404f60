package com.maxmysales.tenancy.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in a person who has just accepted an invitation, with the password they chose on it: the emailed link
 * proved the email, so asking them to type both again on the login page proves nothing more. It does what the login
 * form does: the same authentication (a disabled or removed member is refused), a new session id (no fixation of a
 * session someone else started), a new CSRF token, and the sign-in kept in the session where the app reads it.
 */
@Component
class InviteeSignIn {

    private final AuthenticationManager authentications;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    /** Where the web app's chain reads a sign-in, and its CSRF token repository: both are Spring Security's defaults. */
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy renewal = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

    InviteeSignIn(AuthenticationConfiguration configuration) throws Exception {
        this.authentications = configuration.getAuthenticationManager();
    }

    void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        var authentication = authentications.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                password));
        renewal.onAuthentication(authentication, request, response);
        var context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
