package com.maxmysales.privacy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.DatabaseDump;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database itself and the platform's log hold of a person: no plaintext while they are a contact, nothing
 * after erasure. The log is everything the platform printed while the person wrote, answered a lead form, was read
 * through the API and was erased.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex blindIndex;
    @Autowired
    PersonalData personalData;
    @Autowired
    FieldCipher cipher;
    @Autowired
    DataDirectory dataDirectory;

    Http http;
    String apiKey;
    WorkspaceId workspace;
    SandboxNumber number;
    String phoneNumberId;
    String waId;
    String name;
    String text;
    String email;
    String answer;
    String accessToken;

    @BeforeEach
    void aCustomerWrites() {
        http = new Http(port);
        apiKey = http.createWorkspace("Privacy");
        var run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        number = SandboxNumber.connect(http, apiKey);
        phoneNumberId = number.phoneNumberId();
        waId = String.valueOf(919_800_000_000L + run);
        name = "Zarina Quux" + run;
        text = "my order note XYZZY" + run;
        // The token the platform holds for the number, which no table may show.
        workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        accessToken = cipher.decrypt(workspace, "channels.access_token", jdbc.sql(
                "select access_token from channels where phone_number_id = ?").param(phoneNumberId).query(byte[].class).single());
        var message = """
                { "from": "%s", "id": "wamid.PRIV%d", "timestamp": "1767225660", "type": "text", "text": { "body": "%s" } }"""
                .formatted(waId, run, text);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, name, message)).status()).isEqualTo(200);
        await(() -> contactId() != null && http.get("/api/v1/conversations?contactId=" + contactId(), apiKey)
                .json().get("items").size() == 1);
        // The same person also answers a Google lead form.
        email = "zarina" + run + "@example.com";
        answer = "Quuxville" + run;
        var created = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\"}").json();
        var key = created.get("key").asString();
        var source = created.get("id").asString();
        assertThat(http.post("/webhooks/leads/google?source=" + source, null, """
                {"lead_id": "privacy-%d", "google_key": "%s", "user_column_data": [
                 {"column_id": "FULL_NAME", "string_value": "%s"}, {"column_id": "PHONE_NUMBER", "string_value": "+%s"},
                 {"column_id": "EMAIL", "string_value": "%s"}, {"column_name": "Which city?", "string_value": "%s"}]}"""
                .formatted(run, key, name, waId, email, answer)).status()).isEqualTo(200);
        await(() -> http.get("/api/v1/leads", apiKey).json().get("items").toString().contains("\"processed\""));
    }

    @Test
    void theDatabaseHoldsNoPlaintextOfTheCustomer() {
        var contact = http.get("/api/v1/contacts/" + contactId(), apiKey).json();
        assertThat(contact.get("name").asString()).as("readable through the API").isEqualTo(name);

        var dump = DatabaseDump.of(jdbc);

        assertThat(dump.rows()).as("rows searched").isGreaterThan(10);
        assertThat(dump.containing(List.of(waId, "+" + waId, name, text, accessToken, email, answer))).isEmpty();
    }

    /**
     * "Logs say how many, never what": nothing the platform logged while the person wrote, answered the lead form and
     * was read names them or quotes them. Log an inbound message's sender and text (InboundWhatsApp), or a lead's email
     * (LeadConversion) → fails.
     */
    @Test
    void theLogNamesNobodyAndQuotesNothing(CapturedOutput log) {
        assertThat(http.get("/api/v1/contacts/" + contactId(), apiKey).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/leads", apiKey).status()).isEqualTo(200);
        // A line the platform always logs, so that the test knows it reads the log at all.
        assertThat(http.post("/api/v1/privacy/purges", apiKey, "{\"dryRun\": true}").status()).isEqualTo(200);

        assertThat(log.getAll()).as("the log").contains("Retention purge (api, dry run)")
                .doesNotContain(waId).doesNotContain(name).doesNotContain(text).doesNotContain(email)
                .doesNotContain(answer).doesNotContain(accessToken);
    }

    /**
     * Erasure takes every row and file of the person, media included, and logs none of it. Delete the media rows but
     * leave their files on disk (MediaStore.delete) → fails.
     */
    @Test
    void erasingTheContactLeavesNoTraceButATombstone(CapturedOutput log) {
        var image = new byte[4096];
        new java.util.Random(3).nextBytes(image);
        number.customerWritesImage("+" + waId, name, image, "the receipt " + text);
        await(() -> mediaFiles().size() == 1);
        var file = mediaFiles().getFirst();
        assertThat(file).exists();
        var contact = contactId();

        assertThat(http.delete("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items")).isEmpty();
        assertThat(http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items")).isEmpty();
        assertThat(jdbc.sql("select count(*) from contacts where phone_index = ? or wa_id_index = ?")
                .params(blindIndex.of(workspace, PhoneNumber.fromWhatsAppId(waId)),
                        blindIndex.of(workspace, BlindIndex.Identifier.WHATSAPP_ID, waId))
                .query(Integer.class).single()).as("no live blind index of them").isZero();
        assertThat(jdbc.sql("select count(*) from webhook_event_subjects where subject = ?")
                .param(blindIndex.tombstone(PhoneNumber.fromWhatsAppId(waId))).query(Integer.class).single())
                .as("their raw webhook events are gone").isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + waId + "%").query(Integer.class).single()).isZero();
        assertThat(personalData.wasErased(workspace, PhoneNumber.fromWhatsAppId(waId), null)).isTrue();
        assertThat(http.get("/api/v1/leads", apiKey).json().get("items")).as("their lead went too").isEmpty();
        assertThat(file).as("their photo's file").doesNotExist();
        assertThat(mediaFiles()).isEmpty();
        assertThat(DatabaseDump.of(jdbc).containing(List.of(waId, name, text, email, answer))).isEmpty();
        assertThat(log.getAll()).doesNotContain(waId).doesNotContain(name).doesNotContain(text).doesNotContain(email);
    }

    /** The workspace's media files of messages, where MediaStore keeps them. */
    private List<Path> mediaFiles() {
        return jdbc.sql("select id from media_files where workspace_id = ? and message_id is not null")
                .param(workspace.value()).query(UUID.class).list().stream()
                .map(id -> dataDirectory.root().resolve("media").resolve(workspace.toString()).resolve(id + ".bin")).toList();
    }

    private String contactId() {
        var items = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }
}
