package com.maxmysales.sandbox;

import com.maxmysales.sandbox.SandboxGraphSystemTests.PlatformWebhooks;
import com.maxmysales.support.Http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.sandbox.SandboxGraphSystemTests.JSON;
import static com.maxmysales.sandbox.SandboxGraphSystemTests.assertMetaError;
import static org.assertj.core.api.Assertions.assertThat;

/** Meta Lead Ads' testing tool: a test lead fires the signed leadgen webhook, then the lead is read back. */
@SandboxPlatformTest
class SandboxLeadsSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    PlatformWebhooks platform;
    SandboxClient sandbox;
    Http http;
    String pageId;
    String formId;

    /** A sandbox page of the test's workspace, opened through the platform's API. */
    @BeforeEach
    void connect() {
        sandbox = new SandboxClient(port);
        http = sandbox.http();
        var page = http.post("/api/v1/lead-sources", sandbox.apiKey(), """
                {"type": "meta", "sandbox": true, "name": "Sandbox page"}""");
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        assertThat(page.json().get("sandbox").asBoolean()).isTrue();
        pageId = page.json().get("pageId").asString();
        formId = page.json().get("forms").get(0).asString();
    }

    @Test
    void aTestLeadFiresTheLeadgenWebhookAndCanBeReadByIdAndByForm() {
        var fieldData = """
                [{"name": "full_name", "values": ["Asha Rao"]}, {"name": "phone_number", "values": ["+919811122233"]}]""";

        var created = http.post(SandboxClient.GRAPH + formId + "/test_leads", sandbox.apiKey(), """
                {"page_id": "%s", "field_data": %s}""".formatted(pageId, fieldData));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var leadId = created.json().get("id").asString();
        var webhook = platform.await(json -> "page".equals(json.path("object").asString(""))
                && pageId.equals(json.path("entry").path(0).path("id").asString(""))).json();
        var change = webhook.get("entry").get(0).get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("leadgen");
        assertThat(change.get("value").get("leadgen_id").asString()).isEqualTo(leadId);
        assertThat(change.get("value").get("page_id").asString()).isEqualTo(pageId);
        assertThat(change.get("value").get("form_id").asString()).isEqualTo(formId);
        assertThat(change.get("value").get("created_time").isNumber()).isTrue();

        var lead = http.get(SandboxClient.GRAPH + leadId + "?fields=id,created_time,field_data", sandbox.apiKey());
        assertThat(lead.status()).isEqualTo(200);
        assertThat(lead.json().get("id").asString()).isEqualTo(leadId);
        assertThat(lead.json().get("created_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(lead.json().get("field_data")).isEqualTo(JSON.readTree(fieldData));

        var ofForm = http.get(SandboxClient.GRAPH + formId + "/leads", sandbox.apiKey());
        assertThat(ofForm.json().get("data")).hasSize(1);
        assertThat(ofForm.json().get("data").get(0).get("id").asString()).isEqualTo(leadId);
    }

    @Test
    void aTestLeadNeedsItsPageAndFields() {
        assertMetaError(http.post(SandboxClient.GRAPH + formId + "/test_leads", sandbox.apiKey(),
                "{\"field_data\": [{\"name\": \"full_name\", \"values\": [\"A\"]}]}"), 400, 131008, "page_id");
        assertMetaError(http.post(SandboxClient.GRAPH + formId + "/test_leads", sandbox.apiKey(),
                "{\"page_id\": \"" + pageId + "\", \"field_data\": [{\"values\": [\"A\"]}]}"), 400, 100, "name");
    }
}
