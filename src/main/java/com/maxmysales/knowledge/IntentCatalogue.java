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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's intent examples as its owners manage them: the list and a CSV upload that replaces them. */
@Service
public class IntentCatalogue {

    static final int MAX_TEXT = 500;
    /** Flows route on intent names: letters, digits, _ . - only, so that they are typed and compared safely. */
    private static final Pattern INTENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final IntentExamples examples;
    private final KnowledgeDatasets datasets;
    private final KnowledgeSettings settings;

    IntentCatalogue(IntentExamples examples, KnowledgeDatasets datasets, KnowledgeSettings settings) {
        this.examples = examples;
        this.datasets = datasets;
        this.settings = settings;
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
            String problem = null;
            if (text.isEmpty() || text.length() > MAX_TEXT || MatchingText.of(text).isEmpty()) {
                problem = "the text must be 1 to " + MAX_TEXT + " characters with a letter or digit";
            } else if (!INTENT.matcher(intent).matches()) {
                problem = "the intent must be 1 to 64 letters, digits, _ . or -";
            } else {
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
        examples.replace(workspace, parsed);
        datasets.changed(workspace, KnowledgeDatasets.INTENTS);
        return parsed.size();
    }

    private static TreeMap<String, List<String>> grouped(List<IntentExample> examples) {
        var grouped = new TreeMap<String, List<String>>();
        examples.forEach(e -> grouped.computeIfAbsent(e.intent(), i -> new ArrayList<>()).add(e.text()));
        return grouped;
    }
}
