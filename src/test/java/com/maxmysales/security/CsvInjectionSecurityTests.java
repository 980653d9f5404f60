package com.maxmysales.security;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV files the platform hands out are opened in spreadsheets, where a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return runs as a formula. Names and rows come from outside (a
 * customer's WhatsApp profile name, a purchased list): each such cell is written as text, with a leading
 * {@code '}, while phone numbers stay as they are.
 */
@PlatformTest
class CsvInjectionSecurityTests {

    private static final String LINK = "=HYPERLINK(\"http://evil.example/x\",\"Click me\")";

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Spreadsheets");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    /** Issue 11, item 10: the contact export neutralises a formula a customer put in their WhatsApp profile name. */
    @Test
    void theContactExportWritesFormulasAsText() throws IOException {
        var phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        var waId = String.valueOf(919_300_000_000L + run);
        var message = """
                { "from": "%s", "id": "wamid.CSV%s", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" } }"""
                .formatted(waId, waId);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, LINK.replace("\"", "\\\""), message))
                .status()).isEqualTo(200);
        await(() -> !http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items").isEmpty());
        var at = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9192%08d\", \"name\": \"@SUM(1+1)\"}".formatted(run));
        assertThat(http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"note\", \"type\": \"text\"}").status())
                .isEqualTo(201);
        var attribute = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9191%08d\", \"attributes\": {\"note\": \"=1+2\"}}"
                .formatted(run));
        var plain = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9190%08d\", \"name\": \"-12.5\"}".formatted(run));

        var export = http.get("/api/v1/contacts/export.csv", apiKey);

        assertThat(export.status()).isEqualTo(200);
        var rows = parse(export.body());
        assertThat(rows.getFirst().toList()).startsWith("id", "phone", "name", "email");
        var whatsApp = row(rows, http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items").get(0)
                .get("id").asString());
        assertThat(whatsApp.get(1)).as("a phone number stays usable").isEqualTo("+" + waId);
        assertThat(whatsApp.get(2)).isEqualTo("'" + LINK);
        assertThat(row(rows, at.json().get("id").asString()).get(2)).isEqualTo("'@SUM(1+1)");
        assertThat(row(rows, attribute.json().get("id").asString()).getLast()).as("an attribute").isEqualTo("'=1+2");
        assertThat(row(rows, plain.json().get("id").asString()).get(2)).as("a plain number is no formula").isEqualTo("-12.5");
    }

    /** Issue 11, item 10: the import's error report neutralises formulas of the refused rows, and of the header. */
    @Test
    void theImportErrorReportWritesFormulasAsText() throws IOException {
        var phone = "+91 9876%06d".formatted(run);
        var csv = "phone,name,email,consent,@risky\n"
                + "12345,\"=HYPERLINK(\"\"http://evil.example/y\"\",\"\"Report\"\")\",,shop form,-2+3+cmd|' /C calc'!A0\n"
                + phone + ",Asha,not-an-email,shop form,@SUM(A1)\n";
        var uploaded = http.postCsv("/api/v1/contacts/imports?fileName=list.csv", apiKey, csv);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var id = uploaded.json().get("job").get("id").asString();
        assertThat(http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, """
                {"mapping": {"phone": "phone", "name": "name", "email": "email", "consentBasis": "consent"}}""").status())
                .isEqualTo(202);
        await(() -> http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("status").asString()
                .equals("completed"));

        var report = parse(http.get("/api/v1/contacts/imports/" + id + "/errors.csv", apiKey).body());

        assertThat(report).hasSize(3);
        assertThat(report.get(0).toList()).containsExactly("row", "reason", "phone", "name", "email", "consent", "'@risky");
        assertThat(report.get(1).toList()).containsExactly("2", "invalid phone number", "12345",
                "'=HYPERLINK(\"http://evil.example/y\",\"Report\")", "", "shop form", "'-2+3+cmd|' /C calc'!A0");
        assertThat(report.get(2).toList()).containsExactly("3", "invalid email", phone, "Asha", "not-an-email",
                "shop form", "'@SUM(A1)");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static List<String> row(List<CSVRecord> rows, String id) {
        return rows.stream().filter(row -> row.get(0).equals(id)).findFirst().orElseThrow().toList();
    }
}
