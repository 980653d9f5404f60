package com.maxmysales.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, a CSV audience through the API ({@code POST /api/v1/campaigns} as {@code multipart/form-data}): the file
 * goes through the contacts import with its consent basis, row by row with its report of refused rows, the campaign
 * follows the import in {@code audienceImport}, launch is {@code 409 audience-importing} until the import is done, and
 * the campaign then reaches the file's people only. Bad input is refused before anything is written.
 */
@PlatformTest
class CampaignCsvApiSystemTests {

    private static final int PEOPLE = 1_200;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCsvAudienceIsImportedWithItsConsentBasisLaunchWaitsForItAndOnlyTheFilesPeopleGetIt() throws SQLException {
        var shop = CampaignFixture.create(new Http(port), "Csv Api Shop", 1_000);
        shop.contacts("bystanders", "+9190031", 0, 3, true, "");
        var csv = new StringBuilder("Phone,Name,City\n");
        for (int i = 0; i < PEOPLE; i++) {
            csv.append("+9190032%05d,Person %d,Pune\n".formatted(i, i));
        }
        csv.append("not a phone,Nobody,Pune\n");

        var created = multipart(shop.apiKey(), Map.of("campaign", """
                {"name": "Diwali list", "template": {"name": "%s", "language": "en_US"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "2": {"value": "30%%"}}}""".formatted(shop.template()),
                "consentBasis", "paper form at the Pune store, 2026"), "diwali.csv", csv.toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var campaign = created.json().get("id").asString();
        var tag = created.json().get("audience").get("tag").asString();
        assertThat(tag).isEqualTo("campaign-" + campaign.substring(0, 8));
        var audienceImport = created.json().get("audienceImport");
        assertThat(audienceImport.get("fileName").asString()).isEqualTo("diwali.csv");
        assertThat(audienceImport.get("totalRows").asLong()).isEqualTo(PEOPLE + 1);
        var importId = audienceImport.get("id").asString();
        assertThat(audienceImport.get("errorReport").asString()).isEqualTo("/api/v1/contacts/imports/" + importId + "/errors.csv");

        // The import runs after the answer; held here (its row locked) so that the launch meets it unfinished.
        try (var held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (var lock = held.prepareStatement("select status from contact_imports where id = ? for update")) {
                lock.setObject(1, UUID.fromString(importId));
                try (var row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).as("the import had not completed when the test held it").isIn("queued", "running");
                }
            }
            var early = shop.http().post("/api/v1/campaigns/" + campaign + "/launch", shop.apiKey(), "");
            assertThat(early.status()).as(early.body()).isEqualTo(409);
            assertThat(early.json().get("type").asString()).endsWith("audience-importing");
            assertThat(shop.get(campaign).get("status").asString()).isEqualTo("draft");
            held.rollback();
        }

        await(Duration.ofSeconds(60), () -> "completed".equals(shop.get(campaign).get("audienceImport").get("status").asString()));
        var done = shop.get(campaign).get("audienceImport");
        assertThat(done.get("processedRows").asLong()).isEqualTo(PEOPLE + 1);
        assertThat(done.get("createdRows").asLong()).isEqualTo(PEOPLE);
        assertThat(done.get("errorRows").asLong()).isEqualTo(1);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        var report = shop.http().get(done.get("errorReport").asString(), shop.apiKey());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("not a phone").hasLineCount(2);

        var someone = jdbc.sql("select contact_id from contact_tags where tag = :tag limit 1")
                .param("tag", tag).query(UUID.class).single();
        var consents = shop.http().get("/api/v1/contacts/" + someone + "/consents", shop.apiKey());
        assertThat(consents.body()).as("the form's consent basis is the person's marketing grant")
                .contains("paper form at the Pune store, 2026");

        var preview = shop.http().get("/api/v1/campaigns/" + campaign + "/preview", shop.apiKey()).json();
        assertThat(preview.get("recipients").asLong()).isEqualTo(PEOPLE);
        assertThat(shop.post(campaign, "launch").get("status").asString()).isEqualTo("running");
        await(Duration.ofSeconds(90), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        assertThat(shop.counts(campaign).get("targeted").asLong()).isEqualTo(PEOPLE);
        assertThat(jdbc.sql("select count(distinct m.contact_id) from messages m join contact_tags t on t.contact_id = m.contact_id "
                        + "and t.tag = :tag where m.idempotency_key like :key")
                .param("tag", tag).param("key", "campaign:" + campaign + ":%").query(Long.class).single())
                .as("every message went to a person of the file").isEqualTo(PEOPLE);
        assertThat(jdbc.sql("select count(*) from messages where idempotency_key like :key")
                .param("key", "campaign:" + campaign + ":%").query(Long.class).single()).isEqualTo(PEOPLE);
    }

    @Test
    void badInputIsRefusedWithItsTypeAndNothingIsWritten() {
        var shop = CampaignFixture.create(new Http(port), "Csv Api Refusals", 80);
        var campaign = """
                {"name": "Refused", "template": {"name": "%s", "language": "en_US"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "2": {"value": "30%%"}}}""".formatted(shop.template());
        var csv = "phone,name\n+919003300001,Asha\n";

        assertRefused(multipart(shop.apiKey(), Map.of("campaign", campaign), "people.csv", csv), 422, "invalid-audience");
        assertRefused(multipart(shop.apiKey(), Map.of("campaign", campaign, "consentBasis", "form"), null, null), 422,
                "invalid-audience");
        assertRefused(multipart(shop.apiKey(), Map.of("campaign", campaign.replace("\"variables\"",
                "\"audience\": {\"tag\": \"vip\"}, \"variables\""), "consentBasis", "form"), "people.csv", csv), 422, "invalid-audience");
        assertRefused(multipart(shop.apiKey(), Map.of("campaign", campaign.replace(shop.template(), "no_such_template"),
                "consentBasis", "form"), "people.csv", csv), 422, "template-not-approved");
        assertRefused(multipart(shop.apiKey(), Map.of("campaign", "{\"name\": ", "consentBasis", "form"), "people.csv", csv),
                400, "malformed-request");
        assertRefused(multipart(shop.apiKey(), Map.of("consentBasis", "form"), "people.csv", csv), 422, "invalid-campaign");
        assertRefused(multipart(shop.apiKey(), Map.of("campaign", campaign, "consentBasis", "form"), "people.csv",
                "name,city\nAsha,Pune\n"), 400, "invalid-import");

        var workspace = jdbc.sql("select workspace_id from channels where phone_number_id = :id")
                .param("id", shop.number().phoneNumberId()).query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from campaigns where workspace_id = :w").param("w", workspace)
                .query(Long.class).single()).as("no campaign written").isZero();
        assertThat(jdbc.sql("select count(*) from contact_imports where workspace_id = :w").param("w", workspace)
                .query(Long.class).single()).as("no import left behind").isZero();
    }

    private static void assertRefused(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:" + type);
    }

    /** Text fields, then the file as part {@code file} when given: what {@code curl -F} sends. */
    private Http.Response multipart(String apiKey, Map<String, String> fields, String fileName, String file) {
        var boundary = "campaign" + UUID.randomUUID().toString().replace("-", "");
        var body = new StringBuilder();
        new LinkedHashMap<>(fields).forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        if (file != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(file).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/campaigns"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
