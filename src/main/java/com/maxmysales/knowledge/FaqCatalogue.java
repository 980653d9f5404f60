package com.maxmysales.knowledge;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's FAQ as its owners edit it: the list, a CSV upload that replaces it, and single entries added,
 * changed or deleted. The first change of a workspace on the defaults copies them, so it edits its own copy.
 */
@Service
public class FaqCatalogue {

    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4096;

    private final FaqEntries entries;
    private final KnowledgeDatasets datasets;
    private final KnowledgeIndexes indexes;
    private final KnowledgeSettings settings;

    FaqCatalogue(FaqEntries entries, KnowledgeDatasets datasets, KnowledgeIndexes indexes,
            KnowledgeSettings settings) {
        this.entries = entries;
        this.datasets = datasets;
        this.indexes = indexes;
        this.settings = settings;
    }

    public FaqListing list(WorkspaceId workspace) {
        return datasets.own(workspace, KnowledgeDatasets.FAQ) ? new FaqListing(false, entries.list(workspace))
                : new FaqListing(true, DefaultDatasets.faq());
    }

    /** Whether the workspace still has the demo entries it started with: {@link #list} without reading them. */
    public boolean usesDefaults(WorkspaceId workspace) {
        return !datasets.own(workspace, KnowledgeDatasets.FAQ);
    }

    /**
     * Replaces the workspace's FAQ with a CSV file (header {@code question,answer}).
     *
     * @return how many entries it now has
     * @throws Refusal {@code invalid-csv}, {@code invalid-knowledge-rows} (every bad row listed),
     *         {@code knowledge-upload-too-large}; nothing is changed then
     */
    @Transactional
    public int replace(WorkspaceId workspace, InputStream csv) {
        var rows = KnowledgeCsv.read(csv, "question", "answer", settings.maxFaqEntries());
        var errors = new ArrayList<KnowledgeCsv.RowError>();
        var seen = new HashMap<String, Long>();
        var parsed = new ArrayList<FaqEntry>();
        for (var row : rows) {
            var problem = problem(row.first(), row.second());
            if (problem == null) {
                var earlier = seen.putIfAbsent(MatchingText.of(row.first()), row.line());
                problem = earlier == null ? null : "the same question as row " + earlier;
            }
            if (problem != null) {
                errors.add(new KnowledgeCsv.RowError(row.line(), problem));
            } else {
                parsed.add(new FaqEntry(UUID.randomUUID(), row.first(), row.second()));
            }
        }
        if (!errors.isEmpty()) {
            throw KnowledgeCsv.badRows(errors);
        }
        datasets.lock(workspace, KnowledgeDatasets.FAQ);
        entries.replace(workspace, parsed);
        datasets.changed(workspace, KnowledgeDatasets.FAQ);
        return parsed.size();
    }

    @Transactional
    public FaqEntry add(WorkspaceId workspace, @Nullable String question, @Nullable String answer) {
        var entry = new FaqEntry(UUID.randomUUID(), valid(question, answer), answer.strip());
        ownCopy(workspace);
        if (entries.count(workspace) >= settings.maxFaqEntries()) {
            throw Refusal.unprocessable("too-many-faq-entries", "Too many FAQ entries",
                    "a workspace's FAQ holds at most " + settings.maxFaqEntries() + " entries");
        }
        entries.insert(workspace, entry, entries.nextPosition(workspace));
        datasets.changed(workspace, KnowledgeDatasets.FAQ);
        return entry;
    }

    @Transactional
    public FaqEntry edit(WorkspaceId workspace, UUID id, @Nullable String question, @Nullable String answer) {
        var entry = new FaqEntry(id, valid(question, answer), answer.strip());
        ownCopy(workspace);
        if (!entries.update(workspace, entry)) {
            throw Refusal.notFound("FAQ entry " + id);
        }
        datasets.changed(workspace, KnowledgeDatasets.FAQ);
        return entry;
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        ownCopy(workspace);
        if (!entries.delete(workspace, id)) {
            throw Refusal.notFound("FAQ entry " + id);
        }
        datasets.changed(workspace, KnowledgeDatasets.FAQ);
    }

    /** The "try a question" box: the closest entry even below the threshold, and whether the bot would answer. */
    public FaqTrial tryQuestion(WorkspaceId workspace, String text) {
        if (text.isBlank()) {
            return new FaqTrial(java.util.Optional.empty(), false);
        }
        var index = indexes.faq(workspace);
        var query = indexes.query(text);
        return new FaqTrial(index.best(query), index.answer(query).isPresent());
    }

    private void ownCopy(WorkspaceId workspace) {
        datasets.lock(workspace, KnowledgeDatasets.FAQ);
        if (!datasets.own(workspace, KnowledgeDatasets.FAQ)) {
            entries.replace(workspace, DefaultDatasets.faq());
        }
    }

    private static String valid(@Nullable String question, @Nullable String answer) {
        var problem = problem(question == null ? "" : question.strip(), answer == null ? "" : answer.strip());
        if (problem != null) {
            throw Refusal.invalid("invalid-faq-entry", "Invalid FAQ entry", problem);
        }
        return question.strip();
    }

    private static @Nullable String problem(String question, String answer) {
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            return "the question must be 1 to " + MAX_QUESTION + " characters";
        }
        if (MatchingText.of(question).isEmpty()) {
            return "the question has no letters or digits";
        }
        if (answer.isEmpty() || answer.length() > MAX_ANSWER) {
            return "the answer must be 1 to " + MAX_ANSWER + " characters";
        }
        return null;
    }
}
