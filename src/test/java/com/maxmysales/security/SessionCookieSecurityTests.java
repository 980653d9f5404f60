package com.maxmysales.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 10: the session cookie was not {@code Secure} behind TLS. With forwarded headers honoured
 * ({@code server.forward-headers-strategy=native}, as the test platform runs, see docs/deployment.md), a request
 * the proxy says came over HTTPS gets a {@code Secure} cookie; a plain-HTTP one (local development) does not.
 */
@PlatformTest
class SessionCookieSecurityTests {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() throws Exception {
        var overTls = sessionCookie("https");
        var plain = sessionCookie(null);

        assertThat(overTls).startsWith("MMS_SESSION=").contains("; Secure", "; HttpOnly", "SameSite=Lax");
        assertThat(plain).startsWith("MMS_SESSION=").doesNotContain("Secure");
    }

    private String sessionCookie(String forwardedProto) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto).header("X-Forwarded-For", "198.51.100.7");
        }
        var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("MMS_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

}
