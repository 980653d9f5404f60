package com.maxmysales.knowledge;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge side of {@code ./bench/run.sh classify}, in-process and without Spring: what loading the model
 * costs (time, heap, resident memory: ONNX Runtime keeps the model's weights outside the heap), what building the
 * defaults' classifier costs, and the latency of one classification (embedding the message included).
 */
public final class ClassifyBench {

    private ClassifyBench() {
    }

    /** Figures by name, and the latencies of {@code messages} classifications in nanoseconds. */
    public record Figures(Map<String, Object> figures, List<Long> latenciesNanos, double seconds) {
    }

    public static Figures run(int messages) throws Exception {
        var before = usedHeap();
        var rssBefore = residentKilobytes();
        var start = System.nanoTime();
        var embeddings = new SentenceEmbeddings();
        embeddings.embed("warm up");
        var loadMillis = (System.nanoTime() - start) / 1e6;
        var heapMegabytes = (usedHeap() - before) / 1048576.0;
        var rssMegabytes = (residentKilobytes() - rssBefore) / 1024.0;

        var embedder = new KnowledgeEmbedder(embeddings);
        start = System.nanoTime();
        var examples = DefaultDatasets.intents();
        var queries = embedder.queries(examples.stream().map(IntentExample::text).toList());
        var embeddedMillis = (System.nanoTime() - start) / 1e6;
        var model = new IntentModel(examples, queries);
        var buildMillis = (System.nanoTime() - start) / 1e6;
        // What rebuilding a dropped workspace's model costs besides reading its stored embeddings: the training.
        start = System.nanoTime();
        new IntentModel(examples, queries);
        var retrainMillis = (System.nanoTime() - start) / 1e6;

        var texts = KnowledgeEvaluationTests.intentsHeldOut().stream().map(KnowledgeEvaluationTests.Labelled::text)
                .toList();
        for (int i = 0; i < 200; i++) {
            model.classify(embedder.query(texts.get(i % texts.size())));
        }
        var latencies = new ArrayList<Long>(messages);
        // CPU time, split into embedding (the process's: ONNX Runtime may embed on threads of its own) and classifying
        // (this thread's): on a loaded machine the wall clock measures the load, and the classifier's own share is
        // what more training examples could make slower.
        var threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long embedCpu = 0;
        long classifyCpu = 0;
        var all = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            var one = System.nanoTime();
            var cpu = process.getProcessCpuTime();
            var query = embedder.query(texts.get(i % texts.size()));
            embedCpu += process.getProcessCpuTime() - cpu;
            var thread = threads.getCurrentThreadCpuTime();
            model.classify(query);
            classifyCpu += threads.getCurrentThreadCpuTime() - thread;
            latencies.add(System.nanoTime() - one);
        }
        var seconds = (System.nanoTime() - all) / 1e9;
        var figures = new LinkedHashMap<String, Object>();
        figures.put("model_load_ms", loadMillis);
        figures.put("model_heap_mb", heapMegabytes);
        figures.put("model_rss_mb", rssMegabytes);
        figures.put("examples", examples.size());
        figures.put("classifier_build_ms", buildMillis);
        figures.put("examples_embedding_ms", embeddedMillis);
        figures.put("retrain_ms", retrainMillis);
        figures.put("embed_cpu_ms_per_message", embedCpu / 1e6 / messages);
        figures.put("classify_cpu_ms_per_message", classifyCpu / 1e6 / messages);
        return new Figures(figures, latencies, seconds);
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long residentKilobytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
