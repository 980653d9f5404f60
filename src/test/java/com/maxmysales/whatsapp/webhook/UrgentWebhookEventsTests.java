package com.maxmysales.whatsapp.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which stored webhooks jump the queue: exactly those whose notifications carry customers' messages, judged from the
 * raw bytes before any parsing. Checked against every recorded payload of the shared corpus.
 */
class UrgentWebhookEventsTests {

    private static final Path CORPUS = Path.of("..", "shared", "datasets", "meta-webhooks");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aBodyIsUrgentExactlyWhenAChangeCarriesMessages() throws IOException {
        var urgent = 0;
        var checked = 0;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (var file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                var bytes = Files.readAllBytes(file);
                JsonNode body;
                try {
                    body = JSON.readTree(bytes);
                } catch (RuntimeException notAPayload) {
                    continue;
                }
                if (!body.path("entry").isArray()) {
                    continue;
                }
                var carries = false;
                for (var entry : body.path("entry")) {
                    for (var change : entry.path("changes")) {
                        carries |= change.path("value").has("messages");
                    }
                }
                assertThat(WebhookInbox.carriesMessages(bytes)).as(file.toString()).isEqualTo(carries);
                urgent += carries ? 1 : 0;
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(urgent).isBetween(20, checked - 20);
    }
}
