package com.maxmysales.privacy.notice;

import org.springframework.modulith.NamedInterface;

/** A visitor's answer to the cookie banner (P7). */
@NamedInterface("notice")
public enum CookieChoice {
    /** Essential and analytics cookies. */
    ALL,
    /** Essential cookies only: no analytics script is ever served. */
    ESSENTIAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CookieChoice fromCode(String code) {
        return "all".equals(code) ? ALL : ESSENTIAL;
    }
}
