package com.maxmysales.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox behaves; every property is documented in docs/sandbox.md.
 *
 * @param webhookUrl where WhatsApp webhooks go; {@code ${local.server.port}} is resolved once the server listens
 * @param leadsWebhookUrl where Meta page webhooks ({@code leadgen}) go
 * @param sentDelay how long after an accepted send the {@code sent} status webhook fires
 * @param deliveredDelay likewise for {@code delivered}
 * @param readDelay likewise for {@code read}
 * @param readProbability the share of delivered messages the customer reads
 * @param templateApprovalDelay how long a submitted template stays {@code PENDING} before its status webhook
 * @param faults what goes wrong, and how often; tests change it at run time, per number, through {@link SandboxFaults}
 * @param webhooks batching and retries of the webhooks the sandbox sends
 * @param customers the people offered in the phone simulator
 */
@WhenSandboxEnabled
@ConfigurationProperties("maxmysales.sandbox")
public record SandboxSettings(
        @DefaultValue("http://127.0.0.1:${local.server.port}/webhooks/whatsapp") String webhookUrl,
        @DefaultValue("http://127.0.0.1:${local.server.port}/webhooks/meta") String leadsWebhookUrl,
        @DefaultValue("100ms") Duration sentDelay,
        @DefaultValue("400ms") Duration deliveredDelay,
        @DefaultValue("1500ms") Duration readDelay,
        @DefaultValue("0.8") double readProbability,
        @DefaultValue("2s") Duration templateApprovalDelay,
        @DefaultValue Faults faults,
        @DefaultValue Webhooks webhooks,
        List<Customer> customers) {

    private static final List<Customer> DEMO_CUSTOMERS = List.of(
            new Customer("+919811122233", "Asha Rao"),
            new Customer("+919822233344", "Vikram Singh"),
            new Customer("+919833344455", "Priya Nair"));

    public SandboxSettings {
        requireProbability("read-probability", readProbability);
        if (!(sentDelay.compareTo(deliveredDelay) <= 0 && deliveredDelay.compareTo(readDelay) <= 0)) {
            throw new IllegalArgumentException("maxmysales.sandbox: sent-delay <= delivered-delay <= read-delay, "
                    + "or statuses would arrive in an order Meta never sends them in");
        }
        customers = customers == null || customers.isEmpty() ? DEMO_CUSTOMERS : List.copyOf(customers);
    }

    /**
     * Probabilities are between 0 (never) and 1 (every time).
     *
     * @param rateLimit a send is refused with 130429 (throughput limit of the number)
     * @param notReachable an accepted send ends in a {@code failed} status with 131026
     * @param reEngagement whether free-form messages outside the 24-hour window fail with 131047
     * @param serverError a send is refused with HTTP 500 and 131000
     * @param timeout a send is accepted but answered only after {@code timeoutDelay}
     * @param timeoutDelay longer than any sane client timeout, so the client gives up first
     * @param pairRateLimit whether Meta's limit per business and customer (a burst of 45, then one per 6 s) applies: 131056
     */
    public record Faults(@DefaultValue("0") double rateLimit, @DefaultValue("0") double notReachable,
            @DefaultValue("true") boolean reEngagement, @DefaultValue("0") double serverError,
            @DefaultValue("0") double timeout, @DefaultValue("35s") Duration timeoutDelay,
            @DefaultValue("true") boolean pairRateLimit) {

        public Faults {
            requireProbability("faults.rate-limit", rateLimit);
            requireProbability("faults.not-reachable", notReachable);
            requireProbability("faults.server-error", serverError);
            requireProbability("faults.timeout", timeout);
        }
    }

    /**
     * @param batchSize statuses of one phone-number id are sent together, at most this many in one webhook (Meta: up to 1000)
     * @param batchInterval a batch that is not full goes out after this long
     * @param concurrency webhook POSTs in flight at once
     * @param attempts tries per webhook before it is dropped (Meta keeps trying for days; a dev tool need not)
     * @param retryDelay the wait before the first retry, doubled before each next one
     */
    public record Webhooks(@DefaultValue("100") int batchSize, @DefaultValue("50ms") Duration batchInterval,
            @DefaultValue("16") int concurrency, @DefaultValue("4") int attempts,
            @DefaultValue("1s") Duration retryDelay) {

        public Webhooks {
            if (batchSize < 1 || batchSize > 1000 || concurrency < 1 || attempts < 1) {
                throw new IllegalArgumentException("maxmysales.sandbox.webhooks: batch-size 1..1000, concurrency >= 1, attempts >= 1");
            }
        }
    }

    /** @param phone E.164, with the + */
    public record Customer(String phone, String name) {
    }

    private static void requireProbability(String property, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("maxmysales.sandbox." + property + " must be between 0 and 1, was " + value);
        }
    }
}
