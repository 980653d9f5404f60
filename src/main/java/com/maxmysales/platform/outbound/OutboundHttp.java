package com.maxmysales.platform.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;

/**
 * The platform's HTTP client for calls it makes on a workspace's behalf. Every connection is opened to an
 * address {@link OutboundGuard} checked in the same resolution (Apache HttpClient asks the guard as its
 * {@link DnsResolver}; TLS still verifies the host name); redirects are never followed, so a server cannot send
 * the call elsewhere; answers are read against the caller's size limit and the request's deadline.
 * Destinations the operator configured (Meta's Graph API, the sandbox) skip only the address check.
 */
public class OutboundHttp implements DisposableBean {

    private static final String USER_AGENT = "MaxMySales";
    private static final TimeValue IDLE = TimeValue.ofSeconds(30);

    private final PoolingHttpClientConnectionManager guardedConnections;
    private final PoolingHttpClientConnectionManager operatorConnections;
    private final CloseableHttpClient guarded;
    private final CloseableHttpClient operator;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("outbound-http-deadlines").daemon().factory());
    /** One per timeout in use (a handful): built per request they were a visible share of a Graph call. */
    private final Map<Duration, RequestConfig> configs = new ConcurrentHashMap<>();

    public OutboundHttp(OutboundGuard guard, OutboundHttpSettings settings) {
        // A deadline is cancelled as soon as its answer is read: gone from the queue at once, not when it would fire.
        deadlines.setRemoveOnCancelPolicy(true);
        this.guardedConnections = connections(new Resolver(host -> {
            try {
                return guard.resolve(host).toArray(InetAddress[]::new);
            } catch (DestinationRefused refused) {
                // DnsResolver may only throw UnknownHostException; send() unwraps this again.
                throw new RefusedWhileConnecting(refused);
            }
        }), settings);
        this.operatorConnections = connections(new Resolver(InetAddress::getAllByName), settings);
        this.guarded = HttpClients.createMinimal(guardedConnections);
        this.operator = HttpClients.createMinimal(operatorConnections);
        deadlines.scheduleWithFixedDelay(() -> {
            guardedConnections.closeIdle(IDLE);
            operatorConnections.closeIdle(IDLE);
        }, IDLE.toSeconds(), IDLE.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Sends the request and returns the answer as it begins; the caller reads and closes it.
     *
     * @throws DestinationRefused when the guard refuses the destination (never for an operator endpoint)
     * @throws HttpConnectTimeoutException when connecting (or waiting for a pooled connection) took too long: the
     *         request was not sent
     * @throws HttpTimeoutException when the answer or the deadline took too long
     */
    public OutboundResponse send(OutboundRequest request) throws IOException {
        if (!request.operatorEndpoint()) {
            OutboundGuard.httpUrl(request.uri().toString());
        }
        var http = new HttpUriRequestBase(request.method(), request.uri());
        http.setConfig(configs.computeIfAbsent(request.timeout(), timeout -> RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout)).setConnectionRequestTimeout(Timeout.of(timeout)).build()));
        http.setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
        request.headers().forEach(http::setHeader);
        if (request.body() != null) {
            http.setEntity(new StreamedBody(request.body()));
        }
        var target = target(http);
        var expired = new AtomicBoolean();
        var deadline = deadlines.schedule(() -> {
            expired.set(true);
            http.cancel();
        }, request.deadline().toMillis(), TimeUnit.MILLISECONDS);
        try {
            var client = request.operatorEndpoint() ? operator : guarded;
            return new OutboundResponse(client.executeOpen(target, http, null), deadline, expired);
        } catch (RefusedWhileConnecting e) {
            deadline.cancel(false);
            throw e.refusal;
        } catch (ConnectTimeoutException | ConnectionRequestTimeoutException e) {
            // Said apart from a timeout waiting for the answer: here the request never left, so a retry is safe.
            deadline.cancel(false);
            throw new HttpConnectTimeoutException(request + " timed out before it was sent: " + e.getClass().getSimpleName());
        } catch (InterruptedIOException e) {
            deadline.cancel(false);
            throw new HttpTimeoutException(request + " timed out: " + e.getClass().getSimpleName());
        } catch (IOException | RuntimeException e) {
            deadline.cancel(false);
            if (expired.get()) {
                throw new HttpTimeoutException(request + " passed its deadline");
            }
            throw e;
        }
    }

    /** The host to connect to, which the minimal client is given rather than working out. */
    private static HttpHost target(HttpUriRequestBase http) throws IOException {
        HttpHost target;
        try {
            target = RoutingSupport.determineHost(http);
        } catch (HttpException e) {
            throw new ClientProtocolException(e);
        }
        if (target == null) {
            throw new ClientProtocolException("no host to send " + http.getMethod() + " to");
        }
        return target;
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        guarded.close();
        operator.close();
    }

    /**
     * The pool under a client that does nothing behind the caller's back ({@link HttpClients#createMinimal}): no
     * redirects (a server cannot send the call elsewhere), no automatic retries (a POST is never sent twice: callers
     * decide), no cookies, no authentication cache, no transparent gunzip (the size limit counts the bytes that
     * arrive, not a decompression bomb's). The full client disabled each of these and still paid for its chain of
     * stages on every request, about a third of a Graph call's CPU.
     */
    private static PoolingHttpClientConnectionManager connections(DnsResolver dns, OutboundHttpSettings settings) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        // A pooled connection the server closed meanwhile is noticed before a POST goes out on it.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections() * 8)
                .build();
    }

    private interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private record Resolver(Lookup lookup) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return lookup.addresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Carries a refusal out of the {@link DnsResolver}, whose contract allows only {@link UnknownHostException}. */
    private static final class RefusedWhileConnecting extends RuntimeException {

        private final DestinationRefused refusal;

        RefusedWhileConnecting(DestinationRefused refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private static final class StreamedBody extends AbstractHttpEntity {

        private final RequestBody body;

        StreamedBody(RequestBody body) {
            super(ContentType.parse(body.contentType()), null);
            this.body = body;
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("a streamed body is written, not read");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            body.writeTo(out);
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
