package com.maxmysales.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.maxmysales.shared.Permission;

import org.jspecify.annotations.Nullable;

/**
 * What the layout needs on every page: the CSRF token for forms and htmx, the visitor's cookie choice and
 * the analytics ids it allows, who is signed in, and how times are shown to them.
 *
 * @param cookieChoice "all", "essential", or null while the visitor has not answered the banner
 * @param userName the signed-in business user's name, or null on the public site
 * @param permissions what the signed-in person's role allows: pages show only the links and forms they may use
 * @param operator the operator is signed in (on the operator's pages, which are nobody's workspace)
 * @param workspaceName the signed-in person's workspace, shown in the top bar; null on the public site
 * @param zone the workspace's time zone (the configured default on the public site): every time a page shows is in it
 * @param now when the page was rendered, for "3 min ago"
 * @param path the request's path, to mark the current section in the sidebar
 */
public record PageContext(String csrfParameter, String csrfHeader, String csrfToken, String cookieChoice,
        String googleAnalyticsId, String metaPixelId, boolean analyticsConfigured, String userName, String role,
        Set<Permission> permissions, boolean noticeToAccept, String noticeVersion, boolean operator,
        @Nullable String workspaceName, ZoneId zone, Instant now, boolean sandboxEnabled, String path) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

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

    /** The sidebar's sections this person may open. */
    public List<AppNavigation.Item> navigation() {
        return AppNavigation.forMember(this);
    }

    /** A template language as people read it: "English (United States)" for Meta's {@code en_US}, "Hindi" for {@code hi}. */
    public String language(String code) {
        var locale = Locale.forLanguageTag(code.replace('_', '-'));
        var name = locale.getDisplayLanguage(Locale.ENGLISH);
        if (name.isEmpty()) {
            return code;
        }
        return locale.getCountry().isEmpty() ? name : name + " (" + locale.getDisplayCountry(Locale.ENGLISH) + ")";
    }

    /** "5 Dec 2026, 14:03" in the workspace's time zone; empty for no time. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    /** "5 Dec 2026" in the workspace's time zone. */
    public String date(@Nullable Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    /** "5 Dec 2026": a calendar date, such as the day a privacy notice came into force. */
    public String date(@Nullable LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * "just now", "3 min ago", "2 h ago", then "yesterday, 14:03" and dates: how recent a thing is, for lists where
     * that matters more than the exact time (which {@link #time} gives, e.g. in a title attribute).
     */
    public String ago(@Nullable Instant at) {
        if (at == null) {
            return "";
        }
        var elapsed = Duration.between(at, now);
        if (elapsed.isNegative()) {
            return time(at);
        }
        if (elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toMinutes() < 60) {
            return elapsed.toMinutes() + " min ago";
        }
        var day = at.atZone(zone).toLocalDate();
        var today = now.atZone(zone).toLocalDate();
        if (day.equals(today)) {
            return elapsed.toHours() + " h ago";
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday, " + TIME.format(at.atZone(zone));
        }
        return time(at);
    }

    /**
     * A stored code as words a person reads ("whatsapp_keyword" → "WhatsApp keyword"): the words for the codes pages
     * show, else the code with its underscores and hyphens as spaces. Templates show codes only through this.
     */
    public String words(@Nullable String code) {
        if (code == null) {
            return "";
        }
        var known = WORDS.get(code);
        return known != null ? known : code.replace('_', ' ').replace('-', ' ');
    }

    private static final java.util.Map<String, String> WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("whatsapp_keyword", "WhatsApp keyword (STOP, START…)"),
            java.util.Map.entry("whatsapp_sentence", "WhatsApp sentence"),
            java.util.Map.entry("keyword", "WhatsApp keyword (STOP…)"),
            java.util.Map.entry("sentence", "WhatsApp sentence"),
            java.util.Map.entry("meta", "WhatsApp's own marketing opt-out"),
            java.util.Map.entry("button", "unsubscribe button"),
            java.util.Map.entry("meta_user_preferences", "WhatsApp's own marketing opt-out"),
            java.util.Map.entry("error_131050", "Meta stopped marketing (error 131050)"),
            java.util.Map.entry("email", "email"),
            java.util.Map.entry("api", "API"),
            java.util.Map.entry("web_form", "web form"),
            java.util.Map.entry("lead_form", "lead form"),
            java.util.Map.entry("agent", "agent"),
            java.util.Map.entry("import", "CSV import"),
            java.util.Map.entry("marketing", "marketing"),
            java.util.Map.entry("service", "service"),
            java.util.Map.entry("lead_follow_up", "lead follow-up"),
            java.util.Map.entry("granted", "granted"),
            java.util.Map.entry("withdrawn", "withdrawn"));

    /** The zone's name as people read it: "Asia/Kolkata". */
    public String zoneName() {
        return zone.getId();
    }
}
