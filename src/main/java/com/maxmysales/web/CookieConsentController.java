package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.privacy.notice.CookieChoice;
import com.maxmysales.privacy.notice.CookieConsents;
import com.maxmysales.privacy.notice.PrivacyNotices;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cookie banner's answers (P7). Essential cookies need no consent; analytics scripts are rendered
 * only for a visitor whose cookie says "all". Each choice is recorded anonymously as proof.
 */
@Controller
class CookieConsentController {

    private final CookieConsents consents;
    private final PrivacyNotices notices;
    private final WebSettings settings;

    CookieConsentController(CookieConsents consents, PrivacyNotices notices, WebSettings settings) {
        this.settings = settings;
        this.consents = consents;
        this.notices = notices;
    }

    @GetMapping("/consent/cookies")
    String settings() {
        return "site/cookies";
    }

    @PostMapping("/consent/cookies")
    ResponseEntity<String> choose(@RequestParam String choice, @RequestParam(defaultValue = "/") String returnTo,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request) {
        var answer = CookieChoice.fromCode(choice);
        var cookie = ConsentCookie.of(answer, notices.current().version(), consents.record(answer), request.isSecure());
        if (htmx == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, localPath(returnTo))
                    .header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
        }
        if (answer == CookieChoice.ALL && settings.anyAnalytics()) {
            // Analytics to load: the page reloads so that the server renders it with them.
            return ResponseEntity.noContent().header("HX-Refresh", "true").header(HttpHeaders.SET_COOKIE, cookie.toString())
                    .build();
        }
        // Nothing to load: the banner gives way to an empty mark (an element, so that htmx's events still reach the
        // page), and whatever the visitor typed in the page (the sign-up form) stays.
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body("<span id=\"cookie-choice-made\" hidden></span>");
    }

    /**
     * Only a path on this site: an open redirect would let a link bounce visitors anywhere. Browsers drop tabs and
     * line breaks from a location ({@code /<TAB>/evil.example} is {@code //evil.example}), and a control character
     * cannot be sent in a header at all, so a path with any of them goes home instead.
     */
    static String localPath(String returnTo) {
        var safe = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")
                && returnTo.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
        return safe ? returnTo : "/";
    }
}
