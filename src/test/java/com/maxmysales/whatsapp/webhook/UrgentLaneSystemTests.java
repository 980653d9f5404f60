package com.maxmysales.whatsapp.webhook;

import java.util.ArrayList;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's message is applied ahead of a broadcast's backlog of delivery statuses, and never in the same batch as
 * them: a batch that mixed them made the message wait for up to a hundred webhooks of statuses to apply (inbox-live
 * under the outbound load, docs/performance.md). The platform's own workers are off here, so the test is the only
 * worker and each step is one batch.
 */
@PlatformTest
@TestPropertySource(properties = "maxmysales.whatsapp.processing-workers=0")
class UrgentLaneSystemTests {

    private static final int BACKLOG = 150;
    private static final int STATUSES_PER_WEBHOOK = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookProcessor processor;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCustomersMessageIsAppliedBeforeTheStatusBacklogAndNotInItsBatch() throws InterruptedException {
        var http = new Http(port);
        var number = SandboxNumber.connect(http, http.createWorkspace("Urgent lane " + run));
        while (processor.processBatch() > 0) {
            // whatever setting the number up brought (the sandbox's own webhooks) goes first
        }
        var before = jdbc.sql("select coalesce(max(id), 0) from webhook_events").query(Long.class).single();
        for (int webhook = 0; webhook < BACKLOG; webhook++) {
            var statuses = new ArrayList<String>();
            for (int i = 0; i < STATUSES_PER_WEBHOOK; i++) {
                statuses.add(MetaWebhooks.status("wamid.BROADCAST-%s-%d-%d".formatted(run, webhook, i), "delivered",
                        1_767_225_600L + i, "9198333%05d".formatted(i)));
            }
            assertThat(MetaWebhooks.post(http, MetaWebhooks.statuses(number.phoneNumberId(),
                    statuses.toArray(String[]::new))).status()).isEqualTo(200);
        }
        var wamid = "wamid.CUSTOMER-" + run;
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(number.phoneNumberId(), "919833300002", "Meera", """
                { "from": "919833300002", "id": "%s", "timestamp": "1767225660", "type": "text",
                  "text": { "body": "Is the flat still free?" } }""".formatted(wamid))).status()).isEqualTo(200);
        assertThat(pending(before)).isEqualTo(BACKLOG + 1);

        assertThat(processor.processBatch()).as("the first batch: the customer's message alone").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messages where wamid = ?").param(wamid).query(Integer.class).single())
                .as("the customer's message is applied").isEqualTo(1);
        assertThat(pending(before)).as("no status webhook applied with it").isEqualTo(BACKLOG);

        while (processor.processBatch() > 0) {
            // the backlog drains in batches of statuses
        }
        assertThat(pending(before)).isZero();
        assertThat(jdbc.sql("select count(*) from webhook_events where id > ? and state = 'processed'").param(before)
                .query(Integer.class).single()).isEqualTo(BACKLOG + 1);
    }

    @Test
    void customersMessagesGoInSmallBatches() throws InterruptedException {
        var http = new Http(port);
        var number = SandboxNumber.connect(http, http.createWorkspace("Urgent batches " + run));
        while (processor.processBatch() > 0) {
            // whatever setting the number up brought goes first
        }
        var customers = WebhookProcessor.URGENT_BATCH + 5;
        for (int i = 0; i < customers; i++) {
            assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(number.phoneNumberId(), "91983330%04d".formatted(i),
                    "Customer " + i, """
                    { "from": "91983330%04d", "id": "wamid.BATCH-%s-%d", "timestamp": "1767225660", "type": "text",
                      "text": { "body": "Hello" } }""".formatted(i, run, i))).status()).isEqualTo(200);
        }

        assertThat(processor.processBatch()).as("each waits for its batch to commit: a small one")
                .isEqualTo(WebhookProcessor.URGENT_BATCH);
        assertThat(processor.processBatch()).isEqualTo(5);
    }

    private int pending(long after) {
        return jdbc.sql("select count(*) from webhook_events where id > ? and state = 'pending'").param(after)
                .query(Integer.class).single();
    }
}
