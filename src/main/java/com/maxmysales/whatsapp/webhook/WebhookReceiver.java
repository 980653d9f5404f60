package com.maxmysales.whatsapp.webhook;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientRefusals;
import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.ProblemResponses;
import com.maxmysales.whatsapp.MetaWebhookAuthentication;
import com.maxmysales.whatsapp.WhatsAppSettings;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Meta's event notifications, {@code POST /webhooks/whatsapp}: 200 once durably stored. The POST does the
 * least that makes an event safe — check the size, the signature on the raw bytes and that it is JSON, store
 * it (group-committed with concurrent ones) — and everything else happens in {@link WebhookProcessor}.
 * <p>
 * It is answered here, after the request id and the request metrics, but before Spring Security and Spring
 * MVC: the signature is its only authentication, and on the platform's busiest path their filters, handler
 * lookup and argument resolution cost several times the CPU of the work itself (docs/performance.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WebhookReceiver extends OncePerRequestFilter {

    static final String PATH = "/webhooks/whatsapp";

    private final WhatsAppSettings settings;
    private final MetaWebhookAuthentication authentication;
    private final InboxWriter inbox;
    private final WebhookProcessor processor;
    private final UrgentWebhookWorker urgent;
    private final ProblemResponses problems;
    private final ClientRefusals refusals;

    WebhookReceiver(WhatsAppSettings settings, MetaWebhookAuthentication authentication, InboxWriter inbox,
            WebhookProcessor processor, UrgentWebhookWorker urgent, ProblemResponses problems, ClientRefusals refusals) {
        this.settings = settings;
        this.authentication = authentication;
        this.inbox = inbox;
        this.processor = processor;
        this.urgent = urgent;
        this.problems = problems;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(metrics -> metrics.setPathPattern(PATH));
        try {
            receive(request);
            response.setStatus(HttpStatus.OK.value());
        } catch (Refusal refusal) {
            problems.write(response, refusal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted before the webhook event was stored", e);
        }
    }

    private void receive(HttpServletRequest request) throws IOException, InterruptedException {
        refusals.requireNotLocked("whatsapp", request.getRemoteAddr());
        byte[] body;
        try {
            body = authentication.signedBody(request.getInputStream(), request.getContentLengthLong(),
                    request.getHeader(MetaWebhookAuthentication.SIGNATURE_HEADER), settings.webhookMaxBytes());
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.UNAUTHENTICATED) {
                refusals.refused("whatsapp", request.getRemoteAddr());
            }
            throw refusal;
        }
        if (!JsonCheck.isJsonObject(body)) {
            throw Refusal.invalid("malformed-request", "Malformed request",
                    "the body is not a JSON object");
        }
        if (inbox.store(body)) {
            processor.wake();
            if (WebhookInbox.carriesMessages(body)) {
                urgent.wake();
            }
        }
    }
}
