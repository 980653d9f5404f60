package com.maxmysales.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's conversation with the web app over plain HTTP: cookies kept, redirects not followed (so a test
 * sees where the platform sends it), CSRF tokens read from the pages and sent with every form, and every
 * request coming from one client address (as a trusted proxy says in {@code X-Forwarded-For}).
 */
public final class WebSession {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(new SecureRandom().nextInt(0x20000));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String clientAddress;
    private String csrf;

    /** @param clientAddress the address the platform should see this session come from */
    public WebSession(int port, String clientAddress) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.clientAddress = clientAddress;
    }

    /** Signs in with the login form; true when the platform let them in (a redirect to the app). */
    public boolean signIn(String email, String password) {
        var answer = postForm("/login", Map.of("username", email, "password", password));
        var signedIn = answer.status() == 302 && !answer.header("Location").contains("/login");
        if (signedIn) {
            get("/app");  // signing in renews the CSRF token
        }
        return signedIn;
    }

    public Http.Response get(String path) {
        var response = send(request(path).GET());
        rememberCsrf(response);
        return response;
    }

    /** Posts a form with this session's CSRF token, fetching one from the login page first if needed. */
    public Http.Response postForm(String path, Map<String, String> fields) {
        if (csrf == null) {
            get("/login");
        }
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        var body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        var response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(response);
        return response;
    }

    /** Uploads a file as a multipart form, as a browser's file input does, with this session's CSRF token. */
    public Http.Response postFile(String path, String field, String fileName, String content) {
        if (csrf == null) {
            get("/login");
        }
        var boundary = "----mms" + System.nanoTime();
        var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        var response = send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(response);
        return response;
    }

    /** Whether this session is still signed in: the dashboard answers rather than sending to the login page. */
    public boolean signedIn() {
        return get("/app").status() == 200;
    }

    /** The value of one of this session's cookies (the session id is {@code MMS_SESSION}), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private void rememberCsrf(Http.Response response) {
        var matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    private Http.Response send(HttpRequest.Builder builder) {
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A client address no other test of this JVM uses (from 198.18.0.0/15, RFC 2544), so throttles see it alone. */
    public static String newClientAddress() {
        var n = ADDRESSES.getAndIncrement() & 0x1FFFF;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }
}
