package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.tenancy.PublicForms;

import org.jspecify.annotations.Nullable;

/**
 * The email a visitor typed on the login form, kept in their session across the redirect that follows a refused
 * sign-in, so that they retype only the password. It is read once and dropped, and never put in a URL (where
 * logs and Referer headers would keep it).
 */
final class TypedEmail {

    private static final String ATTRIBUTE = PublicForms.TYPED_EMAIL;
    private static final int MAX_LENGTH = 320;

    private TypedEmail() {
    }

    static void remember(HttpServletRequest request) {
        var email = request.getParameter("username");
        if (email != null && !email.isBlank() && email.length() <= MAX_LENGTH) {
            request.getSession().setAttribute(ATTRIBUTE, email.strip());
        }
    }

    static @Nullable String take(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String email)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return email;
    }
}
