package com.maxmysales.optout;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutDetectorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeywordSet DEFAULTS = KeywordSet.of(List.of());
    private static final OptOutPrototypes MODEL = new OptOutPrototypes(new com.maxmysales.knowledge.SentenceEmbeddings());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STOP | stop", "stop. | stop", "'  Stop!!! 🛑 ' | stop", "STOP ALL | stopall", "StopAll | stopall",
            "Unsubscribe 🙏 | unsubscribe", "opt-out | optout", "OPT OUT | optout", "OptOut | optout", "cancel | cancel",
            "END | end", "Quit | quit", "revoke! | revoke", "STOP please | stop", "please stop, thank you | stop",
            "Band karo | bandkaro", "BAND KARO!! | bandkaro", "बंद करो | बंदकरो", "कृपया बंद करो | बंदकरो"})
    void singleKeywordsStopWhateverTheirCasePunctuationOrEmoji(String text, String keyword) {
        var intent = detect(text);
        assertThat(intent.kind()).isEqualTo(Intent.Kind.STOP);
        assertThat(intent.how()).isEqualTo("keyword");
        assertThat(intent.matched()).isEqualTo(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start!", "Unstop", "subscribe", "shuru karo", "शुरू करो"})
    void startWordsResubscribe(String text) {
        assertThat(detect(text).kind()).isEqualTo(Intent.Kind.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "please stop sending me these messages", "Stop messaging me!!", "do not send me any more offers",
            "dont text me", "Don’t contact me again", "unsubscribe me", "Please unsubscribe me from your WhatsApp list",
            "remove me from your list", "take me off your list please", "stop these promotions 🙏",
            "No more messages please", "I don't want your promotions", "I do not want to receive these messages",
            "I want to unsubscribe", "how do I stop these messages?", "Stop all marketing",
            "mujhe message mat bhejo", "messages band karo", "msg mat bhejo yaar", "कृपया मुझे मैसेज मत भेजो",
            "मैसेज भेजना बंद करो"})
    void sentencesAskingToStopOptOut(String text) {
        var intent = detect(text);
        assertThat(intent).as(text).isNotNull();
        assertThat(intent.kind()).isEqualTo(Intent.Kind.STOP);
        assertThat(intent.how()).isEqualTo("phrase");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cancel my order 123", "when does the bus stop near your shop", "how do I unsubscribe from the premium plan",
            "I want to unsubscribe from the premium plan", "Please don't stop sending me offers, I love them",
            "stop by our store tomorrow", "I will stop at the shop at 5", "is the end of season sale on?",
            "where is the stop button", "remove the item from my cart", "take me to the checkout",
            "can you send me the messages from yesterday", "the delivery guy said stop", "I can't stop laughing 😂",
            "quit smoking tips?", "what is the end date of the offer", "CANCEL my order", "stop the delivery to my old address",
            // END alone is a keyword; in a sentence it is a word.
            "the end", "ok", "thank you", "", "band hai kya shop aaj?", "दुकान कब बंद होती है?"})
    void everydayMessagesOptNobodyOut(String text) {
        assertThat(detect(text)).as(text).isNull();
    }

    @Test
    void aQuickReplyButtonConfiguredAsUnsubscribeOptsOut() {
        var workspace = KeywordSet.of(List.of(new KeywordSet.Entry("en", "button", "CAMPAIGN42_STOP")));

        var template = OptOutDetector.detect(workspace, "button", "Stop promotions",
                "{\"payload\": \"CAMPAIGN42_STOP\", \"text\": \"Stop promotions\"}", JSON, MODEL).orElseThrow();
        var interactive = OptOutDetector.detect(DEFAULTS, "interactive", "Unsubscribe me",
                "{\"type\": \"button_reply\", \"button_reply\": {\"id\": \"unsubscribe\", \"title\": \"Unsubscribe me\"}}", JSON, MODEL)
                .orElseThrow();
        var otherButton = OptOutDetector.detect(DEFAULTS, "button", "Book a visit",
                "{\"payload\": \"BOOK\", \"text\": \"Book a visit\"}", JSON, MODEL);

        assertThat(template.how()).isEqualTo("button");
        assertThat(interactive.how()).isEqualTo("button");
        assertThat(otherButton).isEmpty();
    }

    @Test
    void aWorkspaceAddsWordsPerLanguageAndDropsBuiltInOnes() {
        var workspace = KeywordSet.of(List.of(new KeywordSet.Entry("ta", "stop", "நிறுத்து"),
                new KeywordSet.Entry("en", "ignore", "end")));

        assertThat(OptOutDetector.detect(workspace, "text", "நிறுத்து", null, JSON, MODEL).orElseThrow().language()).isEqualTo("ta");
        assertThat(OptOutDetector.detect(workspace, "text", "END", null, JSON, MODEL)).isEmpty();
        assertThat(OptOutDetector.detect(workspace, "image", "stop", null, JSON, MODEL)).as("a photo's caption is no keyword").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "स्टॉप | स्टॉप | hi", "रोकें | रोकें | hi", "STOOOOP | stop | en", "stpo | stop | en", "unsub 🙅‍♂️ | unsubscribe | en",
            "unsuscribe | unsubscribe | en", "stop stop stop | stop | en", "Unsub pls | unsubscribe | en"})
    void keywordsAreReadInOneSpellingAndScript(String text, String keyword, String language) {
        var intent = detect(text);
        assertThat(intent.kind()).isEqualTo(Intent.Kind.STOP);
        assertThat(intent.matched()).isEqualTo(keyword);
        assertThat(intent.language()).isEqualTo(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"too many messages", "not interested", "🛑", "why do you keep messaging me?", "bas",
            "इतने मैसेज क्यों भेजते हो?", "Stop! I think I paid twice, please check"})
    void likelyOptOutsAreAskedNotActedOn(String text) {
        assertThat(detect(text).kind()).as(text).isEqualTo(Intent.Kind.LIKELY_STOP);
    }

    @Test
    void theQuestionsButtonsStopOrChangeNothing() {
        var stop = OptOutDetector.detect(DEFAULTS, "interactive", "ऑफ़र बंद करें",
                "{\"type\": \"button_reply\", \"button_reply\": {\"id\": \"optout-question:stop:hi\", \"title\": \"x\"}}",
                JSON, MODEL).orElseThrow();
        var keep = OptOutDetector.detect(DEFAULTS, "interactive", "Stop offers",
                "{\"type\": \"button_reply\", \"button_reply\": {\"id\": \"optout-question:keep:en\", \"title\": \"Stop offers\"}}",
                JSON, MODEL);

        assertThat(stop.kind()).isEqualTo(Intent.Kind.STOP);
        assertThat(stop.how()).isEqualTo("question");
        assertThat(stop.language()).isEqualTo("hi");
        assertThat(keep).as("Keep them is read as nothing, whatever its title says").isEmpty();
    }

    @Test
    void ignoringABuiltInWordIgnoresItInEverySpelling() {
        var workspace = KeywordSet.of(List.of(new KeywordSet.Entry("hi", "ignore", "band kro")));

        assertThat(OptOutDetector.detect(workspace, "text", "band karo", null, JSON, MODEL)).isEmpty();
    }

    private static Intent detect(String text) {
        return OptOutDetector.detect(DEFAULTS, "text", text, null, JSON, MODEL).orElse(null);
    }
}
