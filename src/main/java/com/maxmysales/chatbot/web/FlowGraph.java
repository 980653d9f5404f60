package com.maxmysales.chatbot.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow drawn as a graph in server-rendered SVG (no script, CSP-friendly): steps in columns by their distance from
 * the start, arrows labelled with the option or the branch they follow. The SVG scales to its card; a wide flow
 * scrolls inside it.
 */
public record FlowGraph(List<Node> nodes, List<Edge> edges, int width, int height) {

    static final int NODE_WIDTH = 170;
    static final int NODE_HEIGHT = 48;
    static final int COLUMN = 220;
    static final int ROW = 72;
    static final int MARGIN = 16;

    public record Node(String id, String type, String label, int x, int y, boolean start) {}

    public record Edge(int x1, int y1, int x2, int y2, String label) {
        public int labelX() {
            return (x1 + x2) / 2;
        }

        public int labelY() {
            return (y1 + y2) / 2 - 4;
        }
    }

    /** @param links for each step id, the steps it leads to with the label of each arrow */
    static FlowGraph of(String start, List<StepView> steps, Map<String, Map<String, String>> links) {
        var level = new LinkedHashMap<String, Integer>();
        var queue = new ArrayDeque<String>();
        if (links.containsKey(start)) {
            level.put(start, 0);
            queue.add(start);
        }
        while (!queue.isEmpty()) {
            var id = queue.poll();
            for (var next : links.getOrDefault(id, Map.of()).keySet()) {
                if (links.containsKey(next) && !level.containsKey(next)) {
                    level.put(next, level.get(id) + 1);
                    queue.add(next);
                }
            }
        }
        var deepest = level.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (var step : steps) {
            level.putIfAbsent(step.id(), deepest + 1);
        }
        var rows = new HashMap<Integer, Integer>();
        var nodes = new ArrayList<Node>();
        var positions = new HashMap<String, Node>();
        for (var step : steps) {
            var column = level.get(step.id());
            var row = rows.merge(column, 1, Integer::sum) - 1;
            var label = step.id() + ": " + step.summary();
            var node = new Node(step.id(), step.type(), label.length() > 26 ? label.substring(0, 25) + "…" : label,
                    MARGIN + column * COLUMN, MARGIN + row * ROW, step.id().equals(start));
            nodes.add(node);
            positions.put(step.id(), node);
        }
        var edges = new ArrayList<Edge>();
        links.forEach((from, targets) -> targets.forEach((to, label) -> {
            var a = positions.get(from);
            var b = positions.get(to);
            if (a != null && b != null) {
                edges.add(new Edge(a.x() + NODE_WIDTH, a.y() + NODE_HEIGHT / 2, b.x(), b.y() + NODE_HEIGHT / 2,
                        label.length() > 14 ? label.substring(0, 13) + "…" : label));
            }
        }));
        var width = nodes.stream().mapToInt(Node::x).max().orElse(0) + NODE_WIDTH + MARGIN;
        var height = nodes.stream().mapToInt(Node::y).max().orElse(0) + NODE_HEIGHT + MARGIN;
        return new FlowGraph(nodes, edges, width, height);
    }
}
