package com.maxmysales.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bundled all-MiniLM-L6-v2 model (quantised, inside the jar): text to a unit-length vector, offline.
 * It is loaded on first use, not at start-up, so that a platform whose workspaces use no bot, FAQ or detector
 * never pays its memory or its load time.
 */
@Component
public class SentenceEmbeddings {

    private volatile EmbeddingModel model;

    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        var segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    /** Cosine similarity, from -1 to 1. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private EmbeddingModel model() {
        var loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
