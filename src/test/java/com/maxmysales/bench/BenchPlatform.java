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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged platform started the way an operator starts it ({@code java -jar}), on a fresh data
 * directory with its embedded PostgreSQL on a known port, so a scenario can also reach the same database
 * directly for its baseline.
 */
final class BenchPlatform implements AutoCloseable {

    static final String ADMIN_TOKEN = "bench-operator-token";

    final int port;
    final int databasePort;
    final Path dataDirectory;
    private final Process process;

    private BenchPlatform(Process process, int port, int databasePort, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.dataDirectory = dataDirectory;
    }

    static BenchPlatform start(Path jar, String... arguments) throws Exception {
        var data = Files.createTempDirectory(Path.of("target"), "bench-data-").toAbsolutePath();
        var port = freePort();
        var databasePort = freePort();
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + data, "-Xmx1g"));
        // BENCH_PLATFORM_JAVA_OPTS adds JVM options to the platform, e.g. a flight recording while profiling.
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--maxmysales.data-dir=" + data,
                "--maxmysales.database.embedded.port=" + databasePort, "--maxmysales.admin-token=" + ADMIN_TOKEN,
                "--maxmysales.demo.enabled=false", "--logging.level.root=warn",
                "--spring.datasource.hikari.maximum-pool-size=40"));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("platform.log").toFile()).start();
        var platform = new BenchPlatform(process, port, databasePort, data);
        platform.awaitHealthy();
        return platform;
    }

    private static List<String> jvmOptions() {
        var options = System.getenv("BENCH_PLATFORM_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    Connection database() throws SQLException, IOException {
        var password = Files.readString(dataDirectory.resolve("secrets").resolve("postgres.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", password);
    }

    /**
     * CPU time the platform and its embedded PostgreSQL have used so far. On a machine shared with other work,
     * CPU per event is the figure that other processes' load changes least.
     */
    Duration cpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitHealthy() throws Exception {
        var client = HttpClient.newHttpClient();
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited; see " + dataDirectory.resolve("platform.log"));
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
        throw new IllegalStateException("platform not healthy within 120 s");
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
