package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The FAQ and intents over real HTTP, as a business's systems use them: upload, answer, abstain, classify, a bad
 * file refused whole, and two workspaces that never see each other's entries.
 */
@PlatformTest
class KnowledgeSystemTests {

    private static final String FAQ = """
            question,answer
            Do you repair bicycles?,"Yes: punctures in an hour, full service in a day."
            What are your opening hours?,We are open 9 am to 7 pm every day except Tuesday.
            Can I rent a bike for a week?,Weekly rentals cost ₹1500 including a helmet and a lock.
            """;
    private static final String INTENTS = """
            text,intent
            my bike has a flat tyre,repair
            the chain keeps slipping,repair
            brakes are not working,repair
            cycle ka tyre puncture ho gaya,repair
            I want to rent a cycle,rental
            do you hire out bikes for the weekend,rental
            cycle kiraye pe chahiye,rental
            can I borrow a bike for 3 days,rental
            """;

    @LocalServerPort
    int port;

    Http http;
    String shop;
    String other;

    @BeforeEach
    void twoWorkspaces() {
        http = new Http(port);
        shop = http.createWorkspace("Cycle Shop " + System.nanoTime());
        other = http.createWorkspace("Other Shop " + System.nanoTime());
    }

    @Test
    void anUploadedFaqAnswersItsQuestionsInOtherWordsAndAbstainsOnTheRest() {
        var uploaded = put("/api/v1/chatbot/faq", shop, FAQ);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("count").asInt()).isEqualTo(3);

        var answered = http.post("/api/v1/chatbot/answer", shop, "{\"text\": \"when do you open?\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("answered").asBoolean()).isTrue();
        assertThat(answered.json().get("question").asString()).isEqualTo("What are your opening hours?");
        assertThat(answered.json().get("answer").asString()).startsWith("We are open 9 am");
        assertThat(answered.json().get("confidence").asDouble()).isBetween(0.0, 1.0);

        var abstained = http.post("/api/v1/chatbot/answer", shop, "{\"text\": \"what is the capital of France\"}");
        assertThat(abstained.json().get("answered").asBoolean()).isFalse();
        assertThat(abstained.json().has("answer")).isFalse();
    }

    @Test
    void uploadedExamplesTrainTheClassifierOfThatWorkspaceOnly() {
        var uploaded = put("/api/v1/chatbot/intents", shop, INTENTS);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("count").asInt()).isEqualTo(8);

        var repair = http.post("/api/v1/chatbot/classify", shop, "{\"text\": \"my rear tyre is flat again\"}");
        assertThat(repair.status()).as(repair.body()).isEqualTo(200);
        assertThat(repair.json().get("intent").asString()).isEqualTo("repair");
        assertThat(repair.json().get("confidence").asDouble()).isBetween(0.0, 1.0);

        var elsewhere = http.post("/api/v1/chatbot/classify", other, "{\"text\": \"where is my order?\"}");
        assertThat(elsewhere.json().get("intent").asString()).as("the other workspace keeps the defaults")
                .isEqualTo("order_status");
        var shopHasNoOrders = http.post("/api/v1/chatbot/classify", shop, "{\"text\": \"where is my order?\"}");
        assertThat(shopHasNoOrders.json().has("intent")).isTrue();
        assertThat(shopHasNoOrders.json().get("intent").isNull() ? null : shopHasNoOrders.json().get("intent").asString())
                .isNotEqualTo("order_status");
    }

    @Test
    void aWorkspaceNeverAnswersFromAnotherWorkspacesFaq() {
        put("/api/v1/chatbot/faq", shop, FAQ);

        var elsewhere = http.post("/api/v1/chatbot/answer", other, "{\"text\": \"Do you repair bicycles?\"}");
        assertThat(elsewhere.json().get("answered").asBoolean()
                ? elsewhere.json().get("question").asString() : "").isNotEqualTo("Do you repair bicycles?");
        var defaults = http.post("/api/v1/chatbot/answer", other, "{\"text\": \"Is cash on delivery available?\"}");
        assertThat(defaults.json().get("question").asString()).isEqualTo("Is Cash on Delivery available?");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryBadRowListed() {
        put("/api/v1/chatbot/faq", shop, FAQ);

        var refused = put("/api/v1/chatbot/faq", shop, """
                question,answer
                Do you sell helmets?,Yes.
                ,an answer without a question
                Do you sell lights?,
                do you sell helmets,Yes again.
                """);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("invalid-knowledge-rows");
        assertThat(refused.json().get("errorCount").asInt()).isEqualTo(3);
        assertThat(refused.json().get("errors").toString()).contains("\"row\":3").contains("\"row\":4")
                .contains("\"row\":5").contains("the same question as row 2");

        var stillTheOldFaq = http.post("/api/v1/chatbot/answer", shop, "{\"text\": \"Do you repair bicycles?\"}");
        assertThat(stillTheOldFaq.json().get("question").asString()).isEqualTo("Do you repair bicycles?");
    }

    @Test
    void aFileWithoutTheColumnsOrOverTheRowLimitIsRefused() {
        var noHeader = put("/api/v1/chatbot/intents", shop, "hello,greeting\nbye,thanks\n");
        assertThat(noHeader.status()).isEqualTo(422);
        assertThat(noHeader.json().get("type").asString()).endsWith("invalid-csv");

        var rows = new StringBuilder("question,answer\n");
        for (int i = 0; i <= 1000; i++) {
            rows.append("Question number ").append(i).append("?,Answer ").append(i).append('\n');
        }
        var tooMany = put("/api/v1/chatbot/faq", shop, rows.toString());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("type").asString()).endsWith("knowledge-upload-too-large");

        var blank = http.post("/api/v1/chatbot/classify", shop, "{\"text\": \"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("type").asString()).endsWith("invalid-text");
    }

    private Http.Response put(String path, String key, String csv) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
