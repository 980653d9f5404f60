package com.maxmysales.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.privacy.notice.CookieChoice;

import org.springframework.http.ResponseCookie;

/**
 * The essential cookie that remembers a visitor's banner choice: {@code <choice>.<notice version>.<consent id>}.
 * A choice made under an older notice version counts as no choice, so the banner asks again.
 */
final class ConsentCookie {

    static final String NAME = "mms_cookie_consent";
    private static final Duration LIFETIME = Duration.ofDays(180);

    private ConsentCookie() {
    }

    static String choiceOf(HttpServletRequest request, String noticeVersion) {
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(cookie -> cookie.getValue().split("\\.", 3))
                .filter(parts -> parts.length == 3 && parts[1].equals(noticeVersion.replace(".", "-")))
                .map(parts -> CookieChoice.fromCode(parts[0]).code())
                .findFirst()
                .orElse(null);
    }

    static ResponseCookie of(CookieChoice choice, String noticeVersion, UUID consentId, boolean secure) {
        return ResponseCookie.from(NAME, choice.code() + "." + noticeVersion.replace(".", "-") + "." + consentId)
                .path("/").maxAge(LIFETIME).httpOnly(true).secure(secure).sameSite("Lax")
                .build();
    }
}
