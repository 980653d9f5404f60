package com.maxmysales.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.tenancy.LoginAttempts;
import com.maxmysales.tenancy.SignUp;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the login form's authentication: a throttled account or address is refused without its
 * password being looked at, and a password longer than bcrypt reads (which no account can have) fails as a
 * wrong one. What happens after the password check is recorded by the chain's success and failure handlers.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED = "/login?throttled";

    private final LoginAttempts attempts;

    LoginThrottleFilter(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var email = request.getParameter("username");
        var address = ClientAddresses.limited(request.getRemoteAddr());
        if (!attempts.mayTry(email, address)) {
            TypedEmail.remember(request);
            response.sendRedirect(request.getContextPath() + THROTTLED);
            return;
        }
        var password = request.getParameter("password");
        if (password != null && SignUp.tooLong(password)) {
            attempts.failed(address);
            TypedEmail.remember(request);
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
