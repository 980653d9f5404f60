package com.maxmysales.knowledge.web;

import com.maxmysales.knowledge.FaqAnswers;
import com.maxmysales.knowledge.FaqCatalogue;
import com.maxmysales.knowledge.IntentCatalogue;
import com.maxmysales.knowledge.IntentClassifier;
import com.maxmysales.knowledge.KnowledgeSettings;
import com.maxmysales.platform.BoundedBody;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.KNOWLEDGE_MANAGE)
@RestController
@RequestMapping("/api/v1/chatbot")
@Tag(name = "Chatbot knowledge", description = "The FAQ and intent examples the bot answers and routes with")
class KnowledgeApiController {

    /** A customer's message is at most 4,096 characters on WhatsApp; nothing longer is a question to try. */
    static final int MAX_TEXT = 4096;

    private final FaqCatalogue faq;
    private final IntentCatalogue intents;
    private final FaqAnswers answers;
    private final IntentClassifier classifier;
    private final KnowledgeSettings settings;

    KnowledgeApiController(FaqCatalogue faq, IntentCatalogue intents, FaqAnswers answers, IntentClassifier classifier,
            KnowledgeSettings settings) {
        this.faq = faq;
        this.intents = intents;
        this.answers = answers;
        this.classifier = classifier;
        this.settings = settings;
    }

    record Count(int count) {
    }

    record TextBody(@Nullable String text) {
    }

    /** The contract answers {@code "intent": null} when no intent is confident enough, against the default of leaving nulls out. */
    record Classification(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String intent, double confidence) {
    }

    @PutMapping(path = "/faq", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Replace the workspace's FAQ with a CSV file (header question,answer)",
            description = "All or nothing: a file with a bad row changes nothing and the 422 lists every bad row "
                    + "(the first 50, with errorCount). At most maxmysales.knowledge.max-faq-entries rows and "
                    + "max-upload-size bytes.")
    @ApiResponse(responseCode = "200", description = "Replaced; count is the number of entries")
    @ApiResponse(responseCode = "413", description = "`content-too-large`, `knowledge-upload-too-large`")
    @ApiResponse(responseCode = "422", description = "`invalid-csv`, `invalid-knowledge-rows` (errors: [{row, message}])")
    Count replaceFaq(WorkspaceId workspace, HttpServletRequest request) throws IOException {
        try (var body = BoundedBody.of(request.getInputStream(), request.getContentLengthLong(),
                settings.maxUploadSize())) {
            return new Count(faq.replace(workspace, body));
        }
    }

    @PutMapping(path = "/intents", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Replace the workspace's intent examples with a CSV file (header text,intent)",
            description = "All or nothing, as the FAQ upload. Intent names: letters, digits, _ . - (at most 64).")
    @ApiResponse(responseCode = "200", description = "Replaced; count is the number of examples")
    @ApiResponse(responseCode = "413", description = "`content-too-large`, `knowledge-upload-too-large`")
    @ApiResponse(responseCode = "422", description = "`invalid-csv`, `invalid-knowledge-rows` (errors: [{row, message}])")
    Count replaceIntents(WorkspaceId workspace, HttpServletRequest request) throws IOException {
        try (var body = BoundedBody.of(request.getInputStream(), request.getContentLengthLong(),
                settings.maxUploadSize())) {
            return new Count(intents.replace(workspace, body));
        }
    }

    @GetMapping("/intents/evaluation")
    @Operation(summary = "The intent model's quality in 5-fold cross-validation of the workspace's examples",
            description = "Recomputed in the background every time the examples change; training is true meanwhile "
                    + "(the figures are then the previous model's, or absent before the first).")
    Map<String, Object> evaluation(WorkspaceId workspace) {
        var report = intents.quality(workspace);
        var json = new LinkedHashMap<String, Object>();
        json.put("training", report.training());
        var evaluation = report.evaluation();
        if (evaluation != null) {
            json.put("examples", evaluation.examples());
            json.put("folds", evaluation.folds());
            json.put("accuracy", evaluation.accuracy());
            json.put("intents", evaluation.quality().stream().map(q -> Map.of("intent", q.intent(),
                    "examples", q.examples(), "precision", q.precision(), "recall", q.recall())).toList());
            json.put("confusion", Map.of("rows", evaluation.intents(), "columns", evaluation.columns(),
                    "counts", evaluation.confusion()));
        }
        return json;
    }

    @PostMapping("/classify")
    @Operation(summary = "The workspace's intent a text expresses, or null when none is confident enough")
    @ApiResponse(responseCode = "400", description = "`invalid-text`: missing, blank or over 4,096 characters")
    Classification classify(WorkspaceId workspace, @RequestBody TextBody body) {
        var guess = classifier.classify(workspace, text(body));
        return new Classification(guess.intent(), guess.confidence());
    }

    @PostMapping("/answer")
    @Operation(summary = "The FAQ entry that answers a question, or answered: false when none is close enough")
    @ApiResponse(responseCode = "400", description = "`invalid-text`: missing, blank or over 4,096 characters")
    Map<String, Object> answer(WorkspaceId workspace, @RequestBody TextBody body) {
        var answer = answers.answer(workspace, text(body));
        var json = new LinkedHashMap<String, Object>();
        json.put("answered", answer.isPresent());
        answer.ifPresent(a -> {
            json.put("question", a.question());
            json.put("answer", a.answer());
            json.put("confidence", a.confidence());
        });
        return json;
    }

    private static String text(TextBody body) {
        var text = body.text();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw Refusal.invalid("invalid-text", "Invalid text", "text must be 1 to " + MAX_TEXT + " characters");
        }
        return text;
    }
}
