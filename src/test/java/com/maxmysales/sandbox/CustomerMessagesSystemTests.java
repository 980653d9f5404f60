package com.maxmysales.sandbox;

import com.maxmysales.sandbox.SandboxGraphSystemTests.PlatformWebhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.sandbox.SandboxGraphSystemTests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer writes to a business number: the platform gets the webhook Meta would send, byte for byte in shape. */
@SandboxPlatformTest
class CustomerMessagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    PlatformWebhooks platform;
    SandboxClient sandbox;

    @BeforeEach
    void connect() {
        sandbox = new SandboxClient(port);
    }

    @Test
    void aTextArrivesAsTheSignedEnvelopeMetaSends() {
        var customer = SandboxClient.newCustomer();
        var digits = customer.substring(1);

        var number = sandbox.number();
        var written = sandbox.customerWrites(customer, """
                {"to": "%s", "name": "Aśha Rao", "text": "Is the 2BHK still available?"}""".formatted(number.phoneNumberId()));

        assertThat(written.status()).isEqualTo(202);
        var wamid = written.json().get("wamid").asString();
        var delivery = platform.awaitInbound(wamid);
        var timestamp = PlatformWebhooks.value(delivery.json()).get("messages").get(0).get("timestamp").asString();
        assertThat(timestamp).matches("\\d{10}");
        assertThat(delivery.json()).isEqualTo(JSON.readTree("""
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "%s", "changes": [{"field": "messages", "value": {
                     "messaging_product": "whatsapp",
                     "metadata": {"display_phone_number": "%s", "phone_number_id": "%s"},
                     "contacts": [{"profile": {"name": "Aśha Rao"}, "wa_id": "%s", "user_id": "IN.%s"}],
                     "messages": [{"from": "%s", "id": "%s", "timestamp": "%s", "type": "text",
                                   "text": {"body": "Is the 2BHK still available?"}}]}}]}]}"""
                .formatted(number.wabaId(), number.displayPhoneNumber().replaceAll("\\D", ""), number.phoneNumberId(),
                        digits, digits, digits, wamid, timestamp)));
        assertThat(delivery.body()).as("non-ASCII escaped as Meta does, so only the raw bytes verify")
                .contains("A\\u015bha Rao");
    }

    @Test
    void anyInboundTypePassesThroughWithItsContextAndReferral() {
        var phoneNumberId = sandbox.phoneNumberId();
        var interactive = """
                {"type": "button_reply", "button_reply": {"id": "book_visit", "title": "Book a visit"}}""";
        var context = """
                {"from": "15550000001", "id": "wamid.TESTOUT0101"}""";
        var referral = """
                {"source_url": "https://fb.me/demoAd01", "source_id": "120000000000000001", "source_type": "ad",
                 "ctwa_clid": "ARAkLdemoClickId0123456789"}""";

        var written = sandbox.customerWrites("+919811122233", """
                {"to": "%s", "type": "interactive", "interactive": %s, "context": %s, "referral": %s}"""
                .formatted(phoneNumberId, interactive, context, referral));

        assertThat(written.status()).isEqualTo(202);
        var value = PlatformWebhooks.value(platform.awaitInbound(written.json().get("wamid").asString()).json());
        var message = value.get("messages").get(0);
        assertThat(message.get("type").asString()).isEqualTo("interactive");
        assertThat(message.get("interactive")).isEqualTo(JSON.readTree(interactive));
        assertThat(message.get("context")).isEqualTo(JSON.readTree(context));
        assertThat(message.get("referral")).isEqualTo(JSON.readTree(referral));
        assertThat(value.get("contacts").get(0).get("profile").get("name").asString())
                .as("a configured customer's name").isEqualTo("Asha Rao");
    }

    @Test
    void aRequestTheSandboxCannotTurnIntoAWebhookIsAProblem() {
        var to = "\"to\": \"" + sandbox.phoneNumberId() + "\"";
        assertProblem(sandbox.customerWrites("+919811122233", "{\"text\": \"no business number\"}"), "to must");
        assertProblem(sandbox.customerWrites("12", "{" + to + ", \"text\": \"hi\"}"), "E.164");
        assertProblem(sandbox.customerWrites("+919811122233", "{" + to + ", \"type\": \"image\"}"), "\"image\" object");
        assertProblem(sandbox.customerWrites("+919811122233", "{" + to + ", \"text\": \" \"}"), "empty");
    }

    private static void assertProblem(com.maxmysales.support.Http.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:sandbox-invalid-customer-message");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }
}
