package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;

final class BearerToken {

    private BearerToken() {
    }

    static String of(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        var token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
