package com.maxmysales.knowledge;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A workspace's intent examples as its owners manage them: the list, one example added or removed, a CSV upload that
 * replaces them, and the quality of the model trained on them (retrained in the background after each change).
 */
@Service
public class IntentCatalogue {

    static final int MAX_TEXT = 500;
    /** Flows route on intent names: letters, digits, _ . - only, so that they are typed and compared safely. */
    private static final Pattern INTENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final IntentExamples examples;
    private final KnowledgeDatasets datasets;
    private final KnowledgeSettings settings;
    private final KnowledgeIndexes indexes;

    IntentCatalogue(IntentExamples examples, KnowledgeDatasets datasets, KnowledgeSettings settings,
            KnowledgeIndexes indexes) {
        this.examples = examples;
        this.datasets = datasets;
        this.settings = settings;
        this.indexes = indexes;
    }

    /**
     * The cross-validated quality of the model the workspace answers with ({@code evaluation} null until the first
     * one is computed), and whether a newer model is being trained on changed examples.
     */
    public IntentQualityReport quality(WorkspaceId workspace) {
        var status = indexes.intentStatus(workspace);
        var trained = status.trained();
        return new IntentQualityReport(status.training(), trained == null ? null : trained.evaluation());
    }

    /**
     * Adds one example (a workspace on the defaults gets its own copy of them first). Adding an example it already
     * has is a no-op, so that a retried form changes nothing.
     *
     * @throws Refusal {@code invalid-intent-example} (text, intent name, a text already labelled with another
     *         intent, the limits)
     */
    @Transactional
    public void add(WorkspaceId workspace, @Nullable String text, @Nullable String intent) {
        var example = new IntentExample(text == null ? "" : text.strip(), intent == null ? "" : intent.strip());
        var problem = problem(example.text(), example.intent());
        if (problem != null) {
            throw invalidExample(problem);
        }
        datasets.lock(workspace, KnowledgeDatasets.INTENTS);
        var current = new ArrayList<>(examples(workspace));
        var form = MatchingText.of(example.text());
        for (var existing : current) {
            if (MatchingText.of(existing.text()).equals(form)) {
                if (existing.intent().equals(example.intent())) {
                    return;
                }
                throw invalidExample("the same text is already an example of " + existing.intent());
            }
        }
        current.add(example);
        if (current.size() > settings.maxIntentExamples()) {
            throw invalidExample("a workspace holds at most " + settings.maxIntentExamples() + " examples");
        }
        if (current.stream().map(IntentExample::intent).distinct().count() > settings.maxIntents()) {
            throw invalidExample("a workspace has at most " + settings.maxIntents() + " intents");
        }
        store(workspace, current);
    }

    /** Removes the example with this text and intent (the defaults become the workspace's copy); absent: no-op. */
    @Transactional
    public void remove(WorkspaceId workspace, String text, String intent) {
        datasets.lock(workspace, KnowledgeDatasets.INTENTS);
        var current = new ArrayList<>(examples(workspace));
        if (current.removeIf(e -> e.text().equals(text) && e.intent().equals(intent))) {
            store(workspace, current);
        }
    }

    public IntentListing list(WorkspaceId workspace) {
        var own = datasets.own(workspace, KnowledgeDatasets.INTENTS);
        return new IntentListing(!own, grouped(own ? examples.list(workspace) : DefaultDatasets.intents()));
    }

    /** The examples in upload order, as the quality report folds them. */
    List<IntentExample> examples(WorkspaceId workspace) {
        return datasets.own(workspace, KnowledgeDatasets.INTENTS) ? examples.list(workspace)
                : DefaultDatasets.intents();
    }

    /**
     * Replaces the workspace's intent examples with a CSV file (header {@code text,intent}).
     *
     * @return how many examples it now has
     * @throws Refusal {@code invalid-csv}, {@code invalid-knowledge-rows} (every bad row listed),
     *         {@code knowledge-upload-too-large}; nothing is changed then
     */
    @Transactional
    public int replace(WorkspaceId workspace, InputStream csv) {
        var rows = KnowledgeCsv.read(csv, "text", "intent", settings.maxIntentExamples());
        var errors = new ArrayList<KnowledgeCsv.RowError>();
        var labels = new HashMap<String, String>();
        var intents = new HashSet<String>();
        var parsed = new ArrayList<IntentExample>();
        for (var row : rows) {
            var text = row.first();
            var intent = row.second();
            var problem = problem(text, intent);
            if (problem == null) {
                var earlier = labels.putIfAbsent(MatchingText.of(text), intent);
                if (earlier != null && !earlier.equals(intent)) {
                    problem = "the same text is labelled " + earlier + " in an earlier row";
                } else if (intents.add(intent) && intents.size() > settings.maxIntents()) {
                    problem = "more than " + settings.maxIntents() + " intents";
                }
            }
            if (problem != null) {
                errors.add(new KnowledgeCsv.RowError(row.line(), problem));
            } else {
                parsed.add(new IntentExample(text, intent));
            }
        }
        if (!errors.isEmpty()) {
            throw KnowledgeCsv.badRows(errors);
        }
        datasets.lock(workspace, KnowledgeDatasets.INTENTS);
        store(workspace, parsed);
        return parsed.size();
    }

    /** Writes the examples as the workspace's own, and trains them in the background once they are committed. */
    private void store(WorkspaceId workspace, List<IntentExample> replacement) {
        examples.replace(workspace, replacement);
        datasets.changed(workspace, KnowledgeDatasets.INTENTS);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    indexes.intentsChanged(workspace);
                }
            });
        }
    }

    private static @Nullable String problem(String text, String intent) {
        if (text.isEmpty() || text.length() > MAX_TEXT || MatchingText.of(text).isEmpty()) {
            return "the text must be 1 to " + MAX_TEXT + " characters with a letter or digit";
        }
        if (!INTENT.matcher(intent).matches()) {
            return "the intent must be 1 to 64 letters, digits, _ . or -";
        }
        return null;
    }

    private static Refusal invalidExample(String detail) {
        return Refusal.unprocessable("invalid-intent-example", "Invalid intent example", detail);
    }

    private static TreeMap<String, List<String>> grouped(List<IntentExample> examples) {
        var grouped = new TreeMap<String, List<String>>();
        examples.forEach(e -> grouped.computeIfAbsent(e.intent(), i -> new ArrayList<>()).add(e.text()));
        return grouped;
    }
}
