package com.maxmysales.whatsapp;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Graph base URLs a channel may name: the operator's list ({@code allowed-graph-base-urls}), the configured
 * {@code graph-base-url} and Meta's own. A channel's base receives its access token and every send, so a
 * workspace must not point it at an address of its choosing (issue 11, the full-read SSRF).
 */
final class GraphBaseUrls {

    static final String META_GRAPH = "https://graph.facebook.com";
    private static final Pattern VERSION = Pattern.compile("/v\\d+(\\.\\d+)?");

    private final List<String> allowed;

    GraphBaseUrls(WhatsAppSettings settings) {
        this.allowed = Stream.concat(Stream.of(META_GRAPH, settings.graphBaseUrl()), settings.allowedGraphBaseUrls().stream())
                .filter(url -> url != null && !url.isBlank()).map(GraphBaseUrls::normalized)
                .filter(url -> url != null).distinct().toList();
    }

    /** Whether {@code url} is an allowed base, or one of them followed by a Graph version such as {@code /v25.0}. */
    boolean allows(String url) {
        var candidate = normalized(url);
        if (candidate == null) {
            return false;
        }
        return allowed.stream().anyMatch(base -> candidate.equals(base)
                || candidate.startsWith(base + "/") && VERSION.matcher(candidate.substring(base.length())).matches());
    }

    /** Scheme and host in lower case, the default port dropped, no trailing slash; null when not an http(s) URL. */
    static String normalized(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return null;
        }
        var defaultPort = scheme.equals("https") ? 443 : 80;
        var port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        var path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }
}
