package com.maxmysales.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One scenario's figures, printed as the one JSON line API-CONTRACT's "Benchmarks" asks for. */
record Result(String scenario, double throughputPerSecond, double p50Millis, double p99Millis, String baseline,
        double baselineThroughputPerSecond, Map<String, Object> extra) {

    String toJson() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("scenario", scenario);
        fields.put("throughput_per_s", round(throughputPerSecond));
        fields.put("p50_ms", round(p50Millis));
        fields.put("p99_ms", round(p99Millis));
        fields.put("baseline", baseline);
        fields.put("baseline_throughput_per_s", round(baselineThroughputPerSecond));
        fields.put("ratio", round(throughputPerSecond / baselineThroughputPerSecond));
        extra.forEach((key, value) -> fields.put(key, value instanceof Double number ? round(number) : value));
        var json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(value instanceof String text ? '"' + text.replace("\"", "'") + '"' : value));
        return json.append('}').toString();
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
    }
}
