package com.maxmysales.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.maxmysales.support.MetaWebhooks;

/**
 * The packaged platform started the way an operator starts it ({@code java -jar}), on a fresh data
 * directory with its embedded PostgreSQL on a known port, so a scenario can also reach the same database
 * directly for its baseline. A second node is started the way docs/deployment.md adds one: its own data
 * directory, the first node's database and the same master key.
 */
final class BenchPlatform implements AutoCloseable {

    static final String ADMIN_TOKEN = "bench-operator-token";

    final int port;
    final int databasePort;
    /** The data directory of the node that runs the database, where its password is kept. */
    final Path databaseDirectory;
    private final Process process;
    private final Path gcLog;

    private BenchPlatform(Process process, int port, int databasePort, Path databaseDirectory, Path gcLog) {
        this.process = process;
        this.gcLog = gcLog;
        this.port = port;
        this.databasePort = databasePort;
        this.databaseDirectory = databaseDirectory;
    }

    static BenchPlatform start(Path jar, String... arguments) throws Exception {
        return startWithDatabase(List.of("-jar", jar.toString()), arguments);
    }

    /** From this JVM's class path (test classes included) with the given main class, for bench-only variants. */
    static BenchPlatform startClass(String mainClass, String... arguments) throws Exception {
        return startWithDatabase(List.of("-cp", System.getProperty("java.class.path"), mainClass), arguments);
    }

    private static BenchPlatform startWithDatabase(List<String> main, String... arguments) throws Exception {
        var data = Files.createTempDirectory(Path.of("target"), "bench-data-").toAbsolutePath();
        var databasePort = freePort();
        var command = new ArrayList<>(List.of("--maxmysales.database.embedded.port=" + databasePort));
        if (Boolean.getBoolean("bench.statements")) {
            command.add("--maxmysales.database.embedded.statement-statistics=true");
        }
        command.addAll(List.of(arguments));
        return start(main, data, Map.of(), databasePort, data, command);
    }

    /** Another node on the same database; it starts no database of its own. */
    BenchPlatform secondNode(Path jar, String... arguments) throws Exception {
        var data = Files.createTempDirectory(Path.of("target"), "bench-data-").toAbsolutePath();
        var environment = Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", databasePassword(),
                "MAXMYSALES_PRIVACY_MASTER_KEY",
                Files.readString(databaseDirectory.resolve("keys").resolve("master.key")).strip());
        return start(List.of("-jar", jar.toString()), data, environment, databasePort, databaseDirectory, List.of(arguments));
    }

    /** @param main how the JVM finds the platform: {@code -jar <jar>} or {@code -cp <path> <main class>} */
    private static BenchPlatform start(List<String> main, Path data, Map<String, String> environment, int databasePort,
            Path databaseDirectory, List<String> arguments) throws Exception {
        var port = freePort();
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + data, "-Xmx1g", "-Xlog:gc:file=" + data.resolve("gc.log")));
        // BENCH_PLATFORM_JAVA_OPTS adds JVM options to the platform, e.g. a flight recording while profiling.
        command.addAll(jvmOptions());
        command.addAll(main);
        command.addAll(List.of("--server.port=" + port, "--maxmysales.data-dir=" + data, "--maxmysales.admin-token=" + ADMIN_TOKEN,
                "--maxmysales.whatsapp.app-secret=" + MetaWebhooks.APP_SECRET,
                "--maxmysales.demo.enabled=false", "--logging.level.root=warn",
                "--spring.datasource.hikari.maximum-pool-size=40"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("platform.log").toFile());
        builder.environment().putAll(environment);
        var platform = new BenchPlatform(builder.start(), port, databasePort, databaseDirectory, data.resolve("gc.log"));
        try {
            platform.awaitHealthy(data);
        } catch (Exception | Error notStarted) {
            // A platform that did not come up would otherwise outlive the bench, with its database.
            platform.close();
            throw notStarted;
        }
        return platform;
    }

    private static List<String> jvmOptions() {
        var options = System.getenv("BENCH_PLATFORM_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /**
     * Statements PostgreSQL has run so far, all connections together, when the bench runs with
     * {@code -Dbench.statements=true} ({@code pg_stat_statements}); -1 without.
     */
    long statements() throws SQLException, IOException {
        if (!Boolean.getBoolean("bench.statements")) {
            return -1;
        }
        try (var connection = database(); var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            try (var result = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements")) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * With -Dbench.statements=true, writes PostgreSQL's statements since the last call, by the WAL they wrote and the
     * time they took, to {@code target/bench-statements-<scenario>.txt}, and starts counting anew: where the
     * database's share of a message goes.
     */
    void statementProfile(String scenario) throws SQLException, IOException {
        if (!Boolean.getBoolean("bench.statements")) {
            return;
        }
        try (var connection = database(); var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            var profile = new StringBuilder("calls\trows\texec_ms\twal_kb\tblocks_dirtied\tquery\n");
            try (var result = statement.executeQuery("""
                    select calls, rows, round(total_exec_time), wal_bytes / 1024, shared_blks_dirtied,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                    from pg_stat_statements order by wal_bytes desc, total_exec_time desc limit 40""")) {
                while (result.next()) {
                    for (int column = 1; column <= 6; column++) {
                        profile.append(result.getString(column)).append(column < 6 ? '\t' : '\n');
                    }
                }
            }
            try (var result = statement.executeQuery("""
                    select wal_records, wal_fpi, wal_bytes / 1024 / 1024,
                           (select num_timed + num_requested from pg_stat_checkpointer) from pg_stat_wal""")) {
                result.next();
                profile.append("wal since the last reset: %s records, %s full-page images, %s MB; checkpoints %s%n".formatted(
                        result.getString(1), result.getString(2), result.getString(3), result.getString(4)));
            }
            Files.writeString(Path.of("target", "bench-statements-" + scenario + ".txt"), profile);
            statement.execute("select pg_stat_statements_reset()");
            statement.execute("select pg_stat_reset_shared('wal')");
        }
    }

    Connection database() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres",
                databasePassword());
    }

    private String databasePassword() throws IOException {
        return Files.readString(databaseDirectory.resolve("secrets").resolve("postgres.password")).strip();
    }

    /**
     * CPU time the nodes and their embedded PostgreSQL have used so far. On a machine shared with other work,
     * CPU per event is the figure that other processes' load changes least. PostgreSQL is found by its
     * {@code postmaster.pid}: pg_ctl daemonises it, so it is no descendant of the platform's JVM (until this round
     * the figure left it out). Backends that have exited are not counted: the platform's pool keeps its own open.
     */
    static Duration cpuTime(List<BenchPlatform> nodes) {
        return platformCpuTime(nodes).plus(databaseCpuTime(nodes));
    }

    static Duration platformCpuTime(List<BenchPlatform> nodes) {
        return sum(nodes.stream().flatMap(node -> Stream.concat(Stream.of(node.process.toHandle()), node.process.descendants())));
    }

    /** The embedded PostgreSQL the nodes share: its postmaster and every backend and worker under it. */
    static Duration databaseCpuTime(List<BenchPlatform> nodes) {
        return sum(nodes.stream().map(node -> node.databaseDirectory).distinct().flatMap(BenchPlatform::postmaster)
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())));
    }

    private static Stream<ProcessHandle> postmaster(Path databaseDirectory) {
        try {
            var pid = Files.readAllLines(databaseDirectory.resolve("pg").resolve("postmaster.pid")).getFirst().strip();
            return ProcessHandle.of(Long.parseLong(pid)).stream();
        } catch (IOException | RuntimeException notRunning) {
            return Stream.empty();
        }
    }

    private static Duration sum(Stream<ProcessHandle> processes) {
        return processes.map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * What the database has done so far, from PostgreSQL's cumulative statistics: commits, rows written (inserted,
     * updated, deleted) and table scans (index and sequential: about one per statement that reads or writes a table
     * by a key). Backends report at most once a second, so a reading waits that long first.
     */
    record DatabaseWork(long commits, long rowsWritten, long scans) {
        DatabaseWork minus(DatabaseWork before) {
            return new DatabaseWork(commits - before.commits, rowsWritten - before.rowsWritten, scans - before.scans);
        }
    }

    DatabaseWork databaseWork() throws Exception {
        Thread.sleep(1_500);
        try (var db = database(); var query = db.createStatement(); var rs = query.executeQuery("""
                select (select xact_commit from pg_stat_database where datname = current_database()),
                       coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0),
                       coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)
                from pg_stat_user_tables""")) {
            rs.next();
            return new DatabaseWork(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** Waits until no webhook event is pending in this node's database; returns when, in {@link System#nanoTime}. */
    long awaitWebhooksApplied() throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (var db = database(); var query = db.prepareStatement(
                "select count(*) from webhook_events where state = 'pending'")) {
            while (System.nanoTime() < deadline) {
                try (var rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return System.nanoTime();
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("webhook events still pending after 10 minutes");
    }

    /** The most heap the platform held, from its GC log: what each collection found before it (0 before the first). */
    long peakHeapMegabytes() {
        try (var lines = Files.lines(gcLog)) {
            var sizes = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M");
            return lines.flatMap(line -> sizes.matcher(line).results()).mapToLong(found -> Long.parseLong(found.group(1)))
                    .max().orElse(0);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The machine's 1-minute load average as {@code uptime} prints it: other work on the cores moves every figure. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Ten minutes by default (-Dbench.start-minutes): on a machine shared with other builds a start has taken over five (load average 35). */
    private void awaitHealthy(Path data) throws Exception {
        var client = HttpClient.newHttpClient();
        var deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.start-minutes", 10)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited; see " + data.resolve("platform.log"));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("platform not healthy within " + Long.getLong("bench.start-minutes", 10) + " minutes (-Dbench.start-minutes); see " + data.resolve("platform.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
