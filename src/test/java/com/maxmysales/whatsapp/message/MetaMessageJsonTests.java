package com.maxmysales.whatsapp.message;

import java.util.List;
import java.util.Map;

import com.maxmysales.whatsapp.MediaKind;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed messages written as the Cloud API documents them (docs: whatsapp-cloud-api.md §2), and read back. */
class MetaMessageJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTemplateIsWrittenAsMetasReferenceShowsIt() {
        var template = Template.of("site_visit_reminder", "en_US")
                .withHeader(new TemplateHeader.Media(MediaKind.IMAGE, new MediaSource.Uploaded("500000000000009"), null))
                .withButton(new TemplateButton(TemplateButton.Kind.QUICK_REPLY, 0, "VISIT_CONFIRM_9001"))
                .withButton(new TemplateButton(TemplateButton.Kind.URL, 1, "visit/9001"));
        template = new Template(template.name(), template.language(), template.header(), List.of(
                TemplateParameter.text("Asha"),
                new TemplateParameter.Currency(null, "₹49,00,000", "INR", 4_900_000_000L),
                new TemplateParameter.DateTime(null, "Sat 10 Jan, 11:00")), template.buttons());

        var written = MetaMessageJson.write(template);

        assertThat(written.type()).isEqualTo("template");
        assertThat(JSON.readTree(written.payload())).isEqualTo(JSON.readTree("""
                { "name": "site_visit_reminder", "language": { "code": "en_US" },
                  "components": [
                    { "type": "header", "parameters": [ { "type": "image", "image": { "id": "500000000000009" } } ] },
                    { "type": "body", "parameters": [
                        { "type": "text", "text": "Asha" },
                        { "type": "currency", "currency": { "fallback_value": "₹49,00,000", "code": "INR", "amount_1000": 4900000000 } },
                        { "type": "date_time", "date_time": { "fallback_value": "Sat 10 Jan, 11:00" } } ] },
                    { "type": "button", "sub_type": "quick_reply", "index": 0,
                      "parameters": [ { "type": "payload", "payload": "VISIT_CONFIRM_9001" } ] },
                    { "type": "button", "sub_type": "url", "index": 1, "parameters": [ { "type": "text", "text": "visit/9001" } ] } ] }"""));
        assertThat(MetaMessageJson.read("template", JSON.readTree(written.payload()))).isEqualTo(template);
    }

    @Test
    void namedParametersCarryTheirNames() {
        var written = MetaMessageJson.write(Template.of("welcome", "en").withNamedBody(Map.of("first_name", "Jessica")));

        assertThat(JSON.readTree(written.payload()).at("/components/0/parameters/0")).isEqualTo(JSON.readTree("""
                {"type": "text", "parameter_name": "first_name", "text": "Jessica"}"""));
    }

    @Test
    void everyTypeReadsBackAsItWasWritten() {
        var messages = List.<WhatsAppMessage>of(
                new Text("Here is the brochure: https://example.com/b.pdf", true),
                new Media(MediaKind.DOCUMENT, new MediaSource.Uploaded("500000000000010"), "Project brochure", "Brochure.pdf"),
                new Media(MediaKind.IMAGE, new MediaSource.Link("https://cdn.example.com/plan-2bhk.jpg"), "2BHK plan", null),
                new Interactive.Buttons("Site visit", "Would you like to visit the site this weekend?", "Reply anytime",
                        List.of(new Interactive.Choice("visit_sat", "Saturday"), new Interactive.Choice("visit_no", "Not now"))),
                new Interactive.ListMenu("Budget", "Which budget range suits you?", null, "Choose budget",
                        List.of(new Interactive.Section("Ranges", List.of(new Interactive.Row("lt_50", "Below 50 lakh", null),
                                new Interactive.Row("50_75", "50–75 lakh", "Mid segment"))))),
                new Interactive.CtaUrl(null, "See the 3D walkthrough of your unit.", null, "Open walkthrough",
                        "https://example.com/tour?lead=9001"),
                new Reaction("wamid.TESTIN0002", "👍"),
                Template.of("otp", "en").withBody(List.of("424242"))
                        .withButton(new TemplateButton(TemplateButton.Kind.URL, 0, "424242")));
        for (var message : messages) {
            var written = MetaMessageJson.write(message);
            assertThat(MetaMessageJson.read(written.type(), JSON.readTree(written.payload()))).as(written.payload())
                    .isEqualTo(message);
        }
    }

    @Test
    void whatMetaWouldRefuseIsRefusedNamingTheField() {
        assertRefused("interactive", """
                {"type": "button", "body": {"text": "Pick"}, "action": {"buttons": [
                 {"type": "reply", "reply": {"id": "a", "title": "A"}}, {"type": "reply", "reply": {"id": "b", "title": "B"}},
                 {"type": "reply", "reply": {"id": "c", "title": "C"}}, {"type": "reply", "reply": {"id": "d", "title": "D"}}]}}""",
                "interactive buttons are 1 to 3");
        assertRefused("template", "{\"name\": \"Diwali Offer\", \"language\": \"en\"}", "template.name");
        assertRefused("template", "{\"name\": \"offer\"}", "template.language");
        assertRefused("template", """
                {"name": "offer", "language": "en", "components": [{"type": "body", "parameters": [
                 {"type": "text", "text": "a", "parameter_name": "x"}, {"type": "text", "text": "b"}]}]}""", "all named or all positional");
        assertRefused("template", """
                {"name": "offer", "language": "en", "components": [{"type": "body", "parameters": [{"type": "text", "text": ""}]}]}""",
                "must not be empty");
        assertRefused("image", "{\"link\": \"https://example.com/a.jpg\", \"id\": \"1\"}", "exactly one of link or id");
        assertRefused("image", "{\"link\": \"http://example.com/a.jpg\"}", "public https URL");
        assertRefused("audio", "{\"id\": \"1\", \"caption\": \"listen\"}", "audio takes no caption");
        assertRefused("reaction", "{\"message_id\": \"wamid.X\"}", "reaction needs message_id and emoji");
        assertRefused("location", "{}", "type must be");
        assertRefused("text", "{\"body\": \"" + "x".repeat(Text.MAX_LENGTH + 1) + "\"}", "limited to 4096");
    }

    private static void assertRefused(String type, String content, String naming) {
        assertThatThrownBy(() -> MetaMessageJson.read(type, JSON.readTree(content))).isInstanceOf(InvalidMessage.class)
                .hasMessageContaining(naming);
    }
}
