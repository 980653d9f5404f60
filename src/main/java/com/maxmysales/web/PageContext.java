package com.maxmysales.web;

import java.util.Set;

import com.maxmysales.shared.Permission;

/**
 * What the layout needs on every page: the CSRF token for forms and htmx, the visitor's cookie choice and
 * the analytics ids it allows, and who is signed in.
 *
 * @param cookieChoice "all", "essential", or null while the visitor has not answered the banner
 * @param userName the signed-in business user's name, or null on the public site
 * @param permissions what the signed-in person's role allows: pages show only the links and forms they may use
 * @param operator the operator is signed in (on the operator's pages, which are nobody's workspace)
 */
public record PageContext(String csrfParameter, String csrfHeader, String csrfToken, String cookieChoice,
        String googleAnalyticsId, String metaPixelId, boolean analyticsConfigured, String userName, String role,
        Set<Permission> permissions, boolean noticeToAccept, String noticeVersion, boolean operator) {

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean mayManageWorkspace() {
        return may(Permission.MEMBERS_MANAGE);
    }

    public boolean bannerShown() {
        return cookieChoice == null;
    }

    public boolean analyticsAllowed() {
        return "all".equals(cookieChoice) && analyticsConfigured;
    }

    /** The CSRF header every htmx request sends, as the JSON htmx reads from {@code hx-headers}. */
    public String htmxHeaders() {
        return csrfToken == null ? null : "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }

    public boolean signedIn() {
        return userName != null;
    }
}
