package com.maxmysales.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of a workspace's FAQ and intent examples. Every entry and example is embedded once and kept in memory
 * while the workspace uses them (about 1.6 kB each), and a CSV upload is read whole before anything is written:
 * the limits bound both. A node keeps at most {@code maxIntentModels} workspaces' intent models, and none unused
 * for {@code intentModelIdle}: a dropped one is rebuilt from the stored embeddings on its workspace's next classify.
 */
@ConfigurationProperties("maxmysales.knowledge")
public record KnowledgeSettings(
        @DefaultValue("2MB") DataSize maxUploadSize,
        @DefaultValue("1000") int maxFaqEntries,
        @DefaultValue("5000") int maxIntentExamples,
        @DefaultValue("100") int maxIntents,
        @DefaultValue("200") int maxIntentModels,
        @DefaultValue("6h") Duration intentModelIdle) {
}
