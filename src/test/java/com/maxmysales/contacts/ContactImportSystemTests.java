package com.maxmysales.contacts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A CSV import through the API: mapping, consent basis per row, the exact error report, export. */
@PlatformTest
class ContactImportSystemTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Importers");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
        http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"orders\", \"type\": \"number\"}");
    }

    @Test
    void goodRowsBecomeContactsWithTheirConsentAndTheReportListsExactlyTheBadOnes() throws Exception {
        var existing = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+91981%07d\", \"name\": \"Old name\"}"
                .formatted(run)).json().get("id").asString();
        var erased = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+91982%07d\"}".formatted(run)).json().get("id").asString();
        assertThat(http.delete("/api/v1/contacts/" + erased, apiKey).status()).isEqualTo(204);
        // Semicolons and a byte-order mark, as European Excel saves; local numbers read in the workspace's region (IN).
        var csv = "\uFEFFMobile;Full name;E-mail;Orders;Consent;Labels\n"
                + "981%07d;Asha Rao;asha@example.com;3;website checkbox;vip|diwali\n".formatted(run)
                + "12345;Bad Phone;;;shop form;\n"
                + "0983%07d;Ravi;ravi@example.com;1;shop form;\n".formatted(run)
                + "+91 983%07d;Ravi again;;;paper form;\n".formatted(run)
                + "984%07d;No Basis;;;;\n".formatted(run)
                + "982%07d;Erased;;;shop form;\n".formatted(run)
                + "985%07d;Bad Email;not-an-email;;shop form;\n".formatted(run)
                + "986%07d;Bad Number;;many;shop form;\n".formatted(run)
                + "\"987%07d\";\"Quoted; with semicolon\";;;shop form;\n".formatted(run);

        var uploaded = upload(csv);
        assertThat(uploaded.status()).isEqualTo(201);
        var id = uploaded.json().get("job").get("id").asString();
        assertThat(uploaded.json().get("job").get("totalRows").asInt()).isEqualTo(9);
        assertThat(uploaded.json().get("suggestedMapping").get("phone").asString()).isEqualTo("Mobile");
        assertThat(uploaded.json().get("preview").get(0).get(1).asString()).isEqualTo("Asha Rao");

        var started = http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, """
                {"mapping": {"phone": "Mobile", "name": "Full name", "email": "E-mail", "tags": "Labels",
                             "consentBasis": "Consent", "attributes": {"orders": "Orders"}},
                 "defaultConsentBasis": null, "purpose": "marketing", "noticeVersion": "2026-11-01", "tags": ["imported"]}""");
        assertThat(started.status()).isEqualTo(202);
        await(() -> http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("status").asString().equals("completed"));

        var job = http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job");
        assertThat(job.get("processedRows").asInt()).isEqualTo(9);
        assertThat(job.get("createdRows").asInt()).isEqualTo(2);
        assertThat(job.get("updatedRows").asInt()).isEqualTo(1);
        assertThat(job.get("errorRows").asInt()).isEqualTo(6);
        assertThat(errorReport(id)).isEqualTo("""
                row,reason,Mobile,Full name,E-mail,Orders,Consent,Labels
                3,invalid phone number,12345,Bad Phone,,,shop form,
                5,duplicate: same phone number as row 4,+91 983%1$07d,Ravi again,,,paper form,
                6,missing consent basis,984%1$07d,No Basis,,,,
                8,invalid email,985%1$07d,Bad Email,not-an-email,,shop form,
                9,attribute orders must be a number,986%1$07d,Bad Number,,many,shop form,
                7,erased person: they asked for their data to be erased,982%1$07d,Erased,,,shop form,
                """.formatted(run).lines().sorted(ContactImportSystemTests::byRow).reduce("", (a, b) -> a + b + "\r\n"));

        var asha = contact("+91981%07d".formatted(run));
        assertThat(asha.get("id").asString()).as("the existing contact was updated, not duplicated").isEqualTo(existing);
        assertThat(asha.get("name").asString()).isEqualTo("Asha Rao");
        assertThat(asha.get("attributes").get("orders").asInt()).isEqualTo(3);
        assertThat(asha.get("tags").toString()).isEqualTo("[\"diwali\",\"imported\",\"vip\"]");
        var grant = http.get("/api/v1/contacts/" + existing + "/consents", apiKey).json().get("current").get("marketing");
        assertThat(grant.get("source").asString()).isEqualTo("import");
        assertThat(grant.get("noticeVersion").asString()).isEqualTo("2026-11-01");
        assertThat(grant.get("evidence").get("row").asInt()).isEqualTo(2);
        assertThat(grant.get("evidence").get("basis").asString()).isEqualTo("website checkbox");
        assertThat(contact("+91987%07d".formatted(run)).get("name").asString()).isEqualTo("Quoted; with semicolon");

        var export = http.get("/api/v1/contacts/export.csv", apiKey);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.body().lines()).hasSize(4).first().asString().startsWith("id,phone,name,email,tags,opted_out");
        assertThat(export.body()).contains("+91981%07d,Asha Rao,asha@example.com,diwali;imported;vip,false".formatted(run));
    }

    /** A yes/no opt-in column mapped as the consent basis: a "no" in any spelling is a refusal, default or not. */
    @Test
    void aConsentColumnThatSaysNoGrantsNothingWhateverTheDefaultBasis() throws Exception {
        var csv = "Phone,Name,WhatsApp Opt-in\n"
                + "+91971%07d,Said Yes,Yes\n".formatted(run)
                + "+91972%07d,Said No,No\n".formatted(run)
                + "+91973%07d,Said False,false\n".formatted(run)
                + "+91974%07d,Said N,N\n".formatted(run)
                + "+91975%07d,Said Nahi,nahi\n".formatted(run)
                + "+91976%07d,Said Nothing,\n".formatted(run);
        var id = upload(csv).json().get("job").get("id").asString();

        http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, """
                {"mapping": {"phone": "Phone", "name": "Name", "consentBasis": "WhatsApp Opt-in"},
                 "defaultConsentBasis": "shop counter sign-up", "purpose": "marketing"}""");
        await(() -> http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("status").asString().equals("completed"));

        var job = http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job");
        assertThat(job.get("createdRows").asInt()).as("the yes and the empty (default basis) rows").isEqualTo(2);
        assertThat(job.get("errorRows").asInt()).isEqualTo(4);
        assertThat(errorReport(id).lines().skip(1).map(line -> line.split(",")[1]).distinct().toList())
                .containsExactly("consent refused: the consent column says no");
        for (var refused : List.of("+91972%07d", "+91973%07d", "+91974%07d", "+91975%07d")) {
            assertThat(http.get("/api/v1/contacts?phone=" + refused.formatted(run).replace("+", "%2B"), apiKey).json()
                    .get("items")).as(refused).isEmpty();
        }
        var yes = contact("+91971%07d".formatted(run)).get("id").asString();
        assertThat(http.get("/api/v1/contacts/" + yes + "/consents", apiKey).json().get("current").get("marketing")
                .get("evidence").get("basis").asString()).isEqualTo("Yes");
    }

    /** The penetration test filled the shared database with uploads never started: five may wait at once. */
    @Test
    void aWorkspaceHasAtMostFiveImportsWaitingOrRunning() throws Exception {
        var waiting = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var uploaded = upload("phone\n+91977%07d\n".formatted(run));
            assertThat(uploaded.status()).isEqualTo(201);
            waiting.add(uploaded.json().get("job").get("id").asString());
        }

        var sixth = upload("phone\n+91978%07d\n".formatted(run));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:too-many-open-imports");

        assertThat(http.delete("/api/v1/contacts/imports/" + waiting.getFirst(), apiKey).status()).isEqualTo(204);
        assertThat(upload("phone\n+91978%07d\n".formatted(run)).status()).isEqualTo(201);
    }

    @Test
    void anOldListNeverResubscribesSomeoneWhoOptedOut() throws Exception {
        var id = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+91988%07d\"}".formatted(run)).json().get("id").asString();
        http.post("/api/v1/contacts/" + id + "/consents", apiKey, "{\"purpose\": \"marketing\", \"status\": \"withdrawn\"}");

        var job = upload("phone,name\n+91988%07d,Meena\n".formatted(run)).json().get("job").get("id").asString();
        http.post("/api/v1/contacts/imports/" + job + "/start", apiKey,
                "{\"mapping\": {\"phone\": \"phone\", \"name\": \"name\"}, \"defaultConsentBasis\": \"2019 raffle\"}");
        await(() -> http.get("/api/v1/contacts/imports/" + job, apiKey).json().get("job").get("status").asString().equals("completed"));

        assertThat(http.get("/api/v1/contacts/" + id, apiKey).json().get("optedOut").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/contacts/" + id, apiKey).json().get("name").asString()).isEqualTo("Meena");
    }

    private static int byRow(String a, String b) {
        return Integer.compare(rowOf(a), rowOf(b));
    }

    private static int rowOf(String line) {
        return line.startsWith("row") ? 0 : Integer.parseInt(line.substring(0, line.indexOf(',')));
    }

    /**
     * Issue 15: the rows a mapping would refuse for consent are counted before anything is written; a column nobody
     * defined (a city) becomes a text attribute rather than being dropped; and the refused rows run again as a new
     * import with the consent column mapped, suggested from the first run's settings.
     */
    @Test
    void refusalsForConsentAreCountedFirstACityColumnBecomesAnAttributeAndRefusedRowsRunAgainCorrected() throws Exception {
        var csv = "phone,name,city,consent\n"
                + "+91971%07d,Asha,Pune,\n".formatted(run)
                + "+91972%07d,Ravi,Nashik,shop form\n".formatted(run)
                + "+91973%07d,Meera,Goa,no\n".formatted(run)
                + "+91974%07d,Kiran,Pune,\n".formatted(run);
        var uploaded = upload(csv).json();
        var id = uploaded.get("job").get("id").asString();
        assertThat(uploaded.get("suggestedMapping").get("attributes").get("city").asString())
                .as("the city column is offered as an attribute, not dropped").isEqualTo("city");
        var firstRun = """
                {"mapping": {"phone": "phone", "name": "name", "attributes": {"city": "city"}}, "noticeVersion": "v1"}""";

        var check = http.post("/api/v1/contacts/imports/" + id + "/check", apiKey, firstRun);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("rows").asLong()).isEqualTo(4);
        assertThat(check.json().get("missingConsentBasis").asLong()).as("no basis column mapped, no default").isEqualTo(4);
        var mapped = firstRun.replace("\"name\": \"name\"", "\"name\": \"name\", \"consentBasis\": \"consent\"");
        check = http.post("/api/v1/contacts/imports/" + id + "/check", apiKey, mapped);
        assertThat(check.json().get("missingConsentBasis").asLong()).isEqualTo(2);
        assertThat(check.json().get("consentRefused").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/contacts/attributes", apiKey).body()).as("a check writes nothing").doesNotContain("city");
        assertThat(http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("status").asString())
                .isEqualTo("uploaded");

        assertThat(http.post("/api/v1/contacts/imports/" + id + "/rerun", apiKey, "{}").status())
                .as("not finished: nothing to run again").isEqualTo(409);
        assertThat(http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, mapped).status()).isEqualTo(202);
        await(() -> http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("status").asString().equals("completed"));
        assertThat(http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("errorRows").asLong()).isEqualTo(3);
        assertThat(contact("+91972%07d".formatted(run)).get("attributes").get("city").asString()).isEqualTo("Nashik");

        var rerun = http.post("/api/v1/contacts/imports/" + id + "/rerun", apiKey, "{}");
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
        var second = rerun.json();
        var secondId = second.get("job").get("id").asString();
        assertThat(second.get("job").get("totalRows").asLong()).as("the refused rows only").isEqualTo(3);
        assertThat(second.get("suggestedMapping").get("consentBasis").asString()).as("the first run's mapping")
                .isEqualTo("consent");
        var corrected = mapped.replace("\"noticeVersion\"", "\"defaultConsentBasis\": \"asked in the shop\", \"noticeVersion\"");
        check = http.post("/api/v1/contacts/imports/" + secondId + "/check", apiKey, corrected);
        assertThat(check.json().get("missingConsentBasis").asLong()).isZero();
        assertThat(check.json().get("consentRefused").asLong()).as("a no stays a no").isEqualTo(1);
        assertThat(http.post("/api/v1/contacts/imports/" + secondId + "/start", apiKey, corrected).status()).isEqualTo(202);
        await(() -> http.get("/api/v1/contacts/imports/" + secondId, apiKey).json().get("job").get("status").asString()
                .equals("completed"));

        assertThat(contact("+91971%07d".formatted(run)).get("attributes").get("city").asString()).isEqualTo("Pune");
        assertThat(contact("+91974%07d".formatted(run)).get("name").asString()).isEqualTo("Kiran");
        assertThat(http.get("/api/v1/contacts?phone=" + "+91973%07d".formatted(run).replace("+", "%2B"), apiKey).json()
                .get("items")).as("Meera said no").isEmpty();
        assertThat(errorReport(secondId)).contains("consent refused").doesNotContain("Pune");
    }

    /**
     * A start refused after its new attribute was defined (the import had started already) leaves no attribute:
     * nothing half-written. Define the attributes outside start's transaction → fails.
     */
    @Test
    void aRefusedStartDefinesNoAttribute() throws Exception {
        var id = upload("phone,branch\n+91975%07d,Andheri\n".formatted(run)).json().get("job").get("id").asString();
        assertThat(http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, """
                {"mapping": {"phone": "phone"}, "defaultConsentBasis": "shop form"}""").status()).isEqualTo(202);

        var refused = http.post("/api/v1/contacts/imports/" + id + "/start", apiKey, """
                {"mapping": {"phone": "phone", "attributes": {"branch": "branch"}}, "defaultConsentBasis": "shop form"}""");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/contacts/attributes", apiKey).body()).doesNotContain("branch");
    }

    private JsonNode contact(String phone) {
        return http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), apiKey).json().get("items").get(0);
    }

    private String errorReport(String id) {
        var report = http.get("/api/v1/contacts/imports/" + id + "/errors.csv", apiKey);
        assertThat(report.status()).isEqualTo(200);
        return report.body();
    }

    private Http.Response upload(String csv) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/contacts/imports?fileName=list.csv"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), response.headers().map(), response.body());
    }
}
