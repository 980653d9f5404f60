package com.maxmysales.whatsapp;

/**
 * Which Graph API a call goes to. A sandbox number or page talks to the built-in sandbox and to nothing else;
 * any other number or page talks to its own Graph base URL or the configured one (Meta's by default), and
 * never to the sandbox: the sandbox is a test double, not a way into real numbers.
 *
 * @param baseUrl a number's own Graph API, or null for the configured one
 * @param version a number's own Graph API version, or null for the configured one
 */
public record GraphRoute(boolean sandbox, String baseUrl, String version) {

    /** The configured Graph API: a real page's, and a real number's without a base URL of its own. */
    public static final GraphRoute CONFIGURED = new GraphRoute(false, null, null);
    public static final GraphRoute SANDBOX = new GraphRoute(true, null, null);

    public static GraphRoute of(Channel channel) {
        return new GraphRoute(channel.sandbox(), channel.graphBaseUrl(), channel.graphVersion());
    }

    /** A Facebook Page's: the sandbox's pages live in the sandbox, every other page at Meta. */
    public static GraphRoute ofPage(boolean sandbox) {
        return sandbox ? SANDBOX : CONFIGURED;
    }
}
