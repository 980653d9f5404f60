package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.maxmysales.support.GraphStubProcess;
import com.maxmysales.support.MetaWebhooks;

/**
 * Runs the benchmark scenarios against a platform it starts itself and prints one JSON line per scenario.
 * Usage: {@code Bench <jar> [scenario]}; see bench/run.sh.
 */
public final class Bench {

    /** Statuses per webhook POST from the Graph stub: Meta batches what piles up under load. */
    static final int STATUSES_PER_WEBHOOK = 50;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        var jar = Path.of(args[0]);
        var only = args.length > 1 ? args[1] : "all";
        // "two-nodes" runs ingest, process and outbound with a second node on the first one's database.
        var nodes = only.equals("two-nodes") ? 2 : 1;
        if (List.of("all", "ingest", "process", "two-nodes").contains(only)) {
            try (var cluster = Cluster.start(jar, nodes)) {
                var workspace = connectSandboxNumber(cluster.first());
                // Both lines come from the same run, so either name prints both.
                for (var result : new IngestScenario(cluster.nodes(), 30_000, workspace.phoneNumberId()).run()) {
                    System.out.println(result.toJson());
                }
            }
        }
        if (List.of("all", "ingest-alone").contains(only)) {
            try (var platform = BenchPlatform.start(jar, "--maxmysales.whatsapp.processing-workers=0")) {
                var workspace = connectSandboxNumber(platform);
                System.out.println(new IngestScenario(List.of(platform), 30_000, workspace.phoneNumberId()).runAlone().toJson());
            }
        }
        if (List.of("all", "outbound", "two-nodes").contains(only)) {
            // Distinct recipients keep Meta's pair limit out of the way; the number's own limit is 1,000.
            try (var stub = GraphStubProcess.start(MetaWebhooks.APP_SECRET, STATUSES_PER_WEBHOOK);
                    var cluster = Cluster.start(jar, nodes, "--maxmysales.whatsapp.graph-base-url=" + stub.baseUrl())) {
                stub.sendWebhooksTo(cluster.nodes().stream().map(node -> node.url("")).toList());
                System.out.println(new OutboundScenario(cluster.nodes(), connectStubNumber(cluster.first(), "100000000000001"),
                        stub, Integer.getInteger("bench.outbound.messages", 10_000)).run().toJson());
            }
        }
        if (List.of("all", "campaign").contains(only)) {
            // 100,000 consenting recipients (RECIPIENTS=n fewer) on one number at 1,000 msg/s.
            try (var stub = GraphStubProcess.start(MetaWebhooks.APP_SECRET, STATUSES_PER_WEBHOOK);
                    var platform = BenchPlatform.start(jar, "--maxmysales.whatsapp.graph-base-url=" + stub.baseUrl())) {
                stub.sendWebhooksTo(List.of(platform.url("")));
                var recipients = Integer.getInteger("bench.campaign.recipients",
                        Integer.parseInt(System.getenv().getOrDefault("RECIPIENTS", "100000")));
                System.out.println(new CampaignScenario(platform, connectStubNumber(platform, "100000000000003"), stub,
                        recipients).run().toJson());
            }
        }
        if (List.of("all", "leads").contains(only)) {
            try (var platform = BenchPlatform.start(jar)) {
                System.out.println(new LeadsScenario(platform, connectSandboxNumber(platform), 1_000).run().toJson());
            }
        }
        if (List.of("all", "reply-under-load").contains(only)) {
            // A backlog of 50,000 campaign-lane messages on one number at 80/s, and agents' replies on it and on an idle one.
            try (var platform = BenchPlatform.start(jar)) {
                System.out.println(new ReplyUnderLoadScenario(platform, Integer.getInteger("bench.reply.campaign", 50_000),
                        Integer.getInteger("bench.reply.replies", 200)).run().toJson());
            }
        }
        if (List.of("all", "ingest-crypto", "process-crypto").contains(only)) {
            // Two platforms of its own, from the class path: one with the real cipher, one with a pass-through.
            for (var result : new CryptoIngestScenario(Integer.getInteger("bench.crypto.requests", 10_000),
                    Integer.getInteger("bench.crypto.rounds", 3)).run()) {
                System.out.println(result.toJson());
            }
        }
        if (List.of("all", "inbox-live").contains(only)) {
            try (var stub = GraphStubProcess.start(MetaWebhooks.APP_SECRET, STATUSES_PER_WEBHOOK);
                    var platform = BenchPlatform.start(jar, "--maxmysales.whatsapp.graph-base-url=" + stub.baseUrl())) {
                stub.sendWebhooksTo(List.of(platform.url("")));
                System.out.println(new InboxScenario(platform, stub).live(Integer.getInteger("bench.inbox.messages", 200)).toJson());
            }
        }
        if (List.of("all", "inbox-list").contains(only)) {
            try (var platform = BenchPlatform.start(jar)) {
                System.out.println(new InboxScenario(platform).list(Integer.getInteger("bench.inbox.requests", 200)).toJson());
            }
        }
        if (List.of("all", "analytics").contains(only)) {
            System.out.println(new AnalyticsScenario(Integer.getInteger("bench.analytics.messages", 1_000_000),
                    Integer.getInteger("bench.analytics.threads", 8)).run().toJson());
        }
        if (List.of("all", "bot").contains(only)) {
            try (var platform = BenchPlatform.start(jar)) {
                System.out.println(new BotScenario(platform, connectSandboxNumber(platform),
                        Integer.getInteger("bench.bot.questions", 1_000),
                        Double.parseDouble(System.getProperty("bench.bot.rate", "20"))).run().toJson());
            }
        }
        if (List.of("all", "classify").contains(only)) {
            System.out.println(new ClassifyScenario(Integer.getInteger("bench.classify.messages", 1_000)).run().toJson());
        }
        if (List.of("all", "import").contains(only)) {
            importScenario(jar);
        }
    }

    /** One node with the database, and the others on it; closed in reverse, the database's node last. */
    record Cluster(List<BenchPlatform> nodes) implements AutoCloseable {

        static Cluster start(Path jar, int size, String... arguments) throws Exception {
            var nodes = new java.util.ArrayList<BenchPlatform>();
            nodes.add(BenchPlatform.start(jar, arguments));
            var cluster = new Cluster(nodes);
            try {
                while (nodes.size() < size) {
                    nodes.add(nodes.getFirst().secondNode(jar, arguments));
                }
            } catch (Exception notStarted) {
                cluster.close();
                throw notStarted;
            }
            return new Cluster(List.copyOf(nodes));
        }

        BenchPlatform first() {
            return nodes.getFirst();
        }

        @Override
        public void close() throws InterruptedException {
            for (var node : nodes.reversed()) {
                node.close();
            }
        }
    }

    /** On a platform of its own: 1,000,000 rows (or -Dbench.import.rows) take minutes. */
    static void importScenario(Path jar) throws Exception {
        try (var platform = BenchPlatform.start(jar)) {
            var workspace = connectSandboxNumber(platform);
            System.out.println(new ImportScenario(platform, workspace.apiKey(),
                    Integer.getInteger("bench.import.rows", 1_000_000)).run().toJson());
        }
    }

    record Workspace(String apiKey, String phoneNumberId) {}

    /**
     * A workspace with one real number at 1,000 msg/s whose Graph API is the stub the platform was started with
     * ({@code maxmysales.whatsapp.graph-base-url}), connected as an integrator connects one.
     */
    static Workspace connectStubNumber(BenchPlatform platform, String phoneNumberId) throws Exception {
        return connectStubNumber(platform, phoneNumberId, 1000);
    }

    /** A workspace with one number played by the Graph stub, sending at most {@code pace} messages a second. */
    static Workspace connectStubNumber(BenchPlatform platform, String phoneNumberId, int pace) throws Exception {
        var client = HttpClient.newHttpClient();
        var created = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/admin/workspaces")))
                .header("Authorization", "Bearer " + BenchPlatform.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        var apiKey = created.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        var connected = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/channels")))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"phoneNumberId": "%s", "wabaId": "200000000000001", "accessToken": "stub-token",
                         "displayPhoneNumber": "+91 98000 %s",
                         "messagesPerSecond": %d}""".formatted(phoneNumberId, phoneNumberId.substring(phoneNumberId.length() - 5),
                        pace)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (connected.statusCode() != 201) {
            throw new IllegalStateException("stub number not connected: " + connected.body());
        }
        return new Workspace(apiKey, phoneNumberId);
    }

    /** A workspace with one sandbox number at Meta's highest limit, made through the operator and workspace APIs. */
    static Workspace connectSandboxNumber(BenchPlatform platform) throws Exception {
        var client = HttpClient.newHttpClient();
        var created = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/admin/workspaces")))
                .header("Authorization", "Bearer " + BenchPlatform.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        var apiKey = created.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        var connected = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/channels")))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sandbox\": true, \"messagesPerSecond\": 1000}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (connected.statusCode() != 201) {
            throw new IllegalStateException("sandbox number not connected: " + connected.body());
        }
        return new Workspace(apiKey, connected.body().replaceAll(".*\"phoneNumberId\":\"([^\"]+)\".*", "$1"));
    }
}
