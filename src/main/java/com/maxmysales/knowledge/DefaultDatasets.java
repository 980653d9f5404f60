package com.maxmysales.knowledge;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The FAQ and intent examples every workspace starts with (the shared demo datasets, inside the jar): a workspace
 * answers with them until it uploads or edits its own.
 */
final class DefaultDatasets {

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .get();

    private DefaultDatasets() {
    }

    static List<FaqEntry> faq() {
        return read("knowledge/default-faq.csv").stream()
                .map(row -> new FaqEntry(defaultId(row.get("question")), row.get("question"), row.get("answer")))
                .toList();
    }

    /** What a workspace on the defaults is trained on: the shared examples, then the product's own. */
    static List<IntentExample> intents() {
        return Stream.concat(sharedIntents().stream(), extraIntents().stream()).toList();
    }

    /** The shared demo dataset's 400 examples: the only defaults the cross-validation holds out. */
    static List<IntentExample> sharedIntents() {
        return intents("knowledge/default-intents.csv");
    }

    /**
     * The product's own examples (41 per intent, written from each intent's meaning in English, Hinglish and
     * Devanagari Hindi): more varied training than the shared 25 per intent, always trained on, never held out.
     */
    static List<IntentExample> extraIntents() {
        return intents("knowledge/default-intents-extra.csv");
    }

    private static List<IntentExample> intents(String resource) {
        return read(resource).stream().map(row -> new IntentExample(row.get("text"), row.get("intent"))).toList();
    }

    /** Stable across restarts, so that an answer reported by id still names the same default entry. */
    static UUID defaultId(String question) {
        return UUID.nameUUIDFromBytes(("default-faq:" + question).getBytes(StandardCharsets.UTF_8));
    }

    private static List<CSVRecord> read(String resource) {
        var stream = DefaultDatasets.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing " + resource);
        }
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
                var parser = WITH_HEADER.parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
