package com.maxmysales.whatsapp.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.maxmysales.whatsapp.NumberSignals;
import com.maxmysales.whatsapp.TemplateCatalogue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How the template, account, echo and call fields of the recorded corpus are read (../shared/datasets, never copied). */
class WebhookPayloadParserTests {

    private static final Path CORPUS = Path.of("..", "shared", "datasets", "meta-webhooks");

    private final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.builder().build());

    @Test
    void aRejectionKeepsItsReasonExplanationAndCategory() throws IOException {
        var update = (TemplateCatalogue.StatusUpdate) ((Notification.TemplateSignal) only("pywa/template_status_update__rejected.json")).update();

        assertThat(update.wabaId()).isEqualTo("102290129340398");
        assertThat(update.templateId()).isEqualTo("1689556908129835");
        assertThat(update.name()).isEqualTo("abandoned_cart");
        assertThat(update.language()).isEqualTo("en");
        assertThat(update.event()).isEqualTo("REJECTED");
        assertThat(update.reason()).isEqualTo("INVALID_FORMAT");
        assertThat(update.category()).isEqualTo("MARKETING");
        assertThat(update.detail()).startsWith("Your template has parameters placed next to each other")
                .contains("recommendation: Separate parameters");
        assertThat(update.at()).isEqualTo(Instant.ofEpochSecond(1751247548));
    }

    @Test
    void aFlagKeepsTheDateMetaWillDisableTheTemplate() throws IOException {
        var update = (TemplateCatalogue.StatusUpdate) ((Notification.TemplateSignal) only("bindambc/templateSchedulingForDisabling.json")).update();

        assertThat(update.event()).isEqualTo("FLAGGED");
        assertThat(update.reason()).isNull();
        assertThat(update.detail()).isEqualTo("disable date: January 31, 2021");
    }

    @Test
    void aPartnerEventIsAboutTheAccountItsWabaInfoNamesNotThePartnersEntry() throws IOException {
        var added = (NumberSignals.AccountUpdate) ((Notification.Signal) only("pywa/account_update__partner_added.json")).update();
        var banned = (NumberSignals.AccountUpdate) ((Notification.Signal) only("pywa/account_update__account_disabled.json")).update();

        assertThat(added.wabaId()).as("not the entry's 2949482758682047").isEqualTo("980198427658004");
        assertThat(added.event()).isEqualTo("PARTNER_ADDED");
        assertThat(banned.wabaId()).as("the entry's, without waba_info").isEqualTo("102290129340398");
    }

    @Test
    void qualityAndCategoryUpdatesAreRead() throws IOException {
        var quality = (TemplateCatalogue.QualityUpdate) ((Notification.TemplateSignal) only("pywa/template_quality_update__yellow.json")).update();
        var category = (TemplateCatalogue.CategoryUpdate) ((Notification.TemplateSignal) only("pywa/template_category_update__marketing.json")).update();

        assertThat(quality.previousScore()).isEqualTo("GREEN");
        assertThat(quality.newScore()).isEqualTo("YELLOW");
        assertThat(category.newCategory()).isEqualTo("MARKETING");
        assertThat(category.name()).isEqualTo("my_message_template");
    }

    @Test
    void anEchoIsAddressedToTheCustomerInContactsNotToItsPlaceholders() throws IOException {
        var echo = (Notification.Echo) only("pywa/outgoing_message__text.json");

        assertThat(echo.phoneNumberId()).isEqualTo("1122334455667");
        assertThat(echo.customer().waId()).isEqualTo("972987654321");
        assertThat(echo.customer().userId()).isEqualTo("US.13491208655302741918");
        assertThat(echo.message().type()).isEqualTo("text");
        assertThat(echo.message().text()).isEqualTo("Test message");

        var edit = (Notification.Echo) only("pywa/outgoing_message__edit.json");
        assertThat(edit.message().change().originalWamid()).isEqualTo("wamid.zzzzzz");
        assertThat(edit.message().text()).isEqualTo("Text was edited");
        assertThat(((Notification.Echo) only("pywa/outgoing_message__delete.json")).message().change().revoked()).isTrue();
    }

    @Test
    void callsAreReadWithWhoCalledTheirStatusAndDuration() throws IOException {
        var incoming = ((Notification.Call) only("pywa/call_connect__user_initiated.json")).call();
        assertThat(incoming.businessInitiated()).isFalse();
        assertThat(incoming.status()).isEqualTo("ringing");

        var answered = ((Notification.Call) only("pywa/call_connect__business_initiated.json")).call();
        assertThat(answered.businessInitiated()).isTrue();
        assertThat(answered.status()).isEqualTo("accepted");

        var ended = (Notification.Call) only("pywa/call_terminate__call_terminate.json");
        assertThat(ended.customer().waId()).isEqualTo("972987654321");
        assertThat(ended.call().status()).isEqualTo("completed");
        assertThat(ended.call().durationSeconds()).isEqualTo(120);
        assertThat(ended.call().endedAt()).isEqualTo(Instant.ofEpochSecond(1671644944));
        assertThat(ended.call().errors()).singleElement().satisfies(error -> assertThat(error.code()).isEqualTo(12455));

        var status = ((Notification.Call) only("pywa/call_status__call_status.json")).call();
        assertThat(status.callId()).isEqualTo("wacid.ABGGFjFVU2AfAgo6V");
        assertThat(status.businessInitiated()).isTrue();
        assertThat(status.status()).isEqualTo("ringing");
    }

    @Test
    void aCallPermissionAnswerReadsAsSuch() throws IOException {
        var accepted = (Notification.Message) only("pywa/call_permission_update__accept.json");
        var rejected = (Notification.Message) only("pywa/call_permission_update__reject.json");

        assertThat(accepted.message().text()).isEqualTo("Call permission accepted");
        assertThat(rejected.message().text()).isEqualTo("Call permission rejected");
    }

    /** The attack: coordinates that were objects failed the event on every attempt, into a dead letter. */
    @Test
    void aLocationWhoseCoordinatesAreNotNumbersIsStoredWithoutThem() {
        var body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
                  "messaging_product": "whatsapp", "metadata": {"phone_number_id": "123"},
                  "contacts": [{"profile": {"name": "Ravi"}, "wa_id": "919811177004"}],
                  "messages": [
                    {"from": "919811177004", "id": "wamid.ODD", "timestamp": "1767225700", "type": "location",
                     "location": {"latitude": {"a": 1}, "longitude": [1]}},
                    {"from": "919811177004", "id": "wamid.PLAIN", "timestamp": "1767225701", "type": "location",
                     "location": {"latitude": 18.52, "longitude": 73.85}}]}}]}]}""";

        var messages = parser.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(notification -> ((Notification.Message) notification).message()).toList();

        assertThat(messages).extracting(message -> message.text()).containsExactly(null, "18.52,73.85");
    }

    private Notification only(String file) throws IOException {
        var notifications = parser.parse(Files.readAllBytes(CORPUS.resolve(file)));
        assertThat(notifications).hasSize(1);
        return notifications.getFirst();
    }
}
