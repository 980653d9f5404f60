package com.maxmysales.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.maxmysales.MaxMySalesApplication;

/**
 * The platform as an operator runs it: its own JVM, its embedded PostgreSQL in a data directory, killed
 * or stopped like a real process. Use it in try-with-resources: {@link #close()} stops the platform and any
 * PostgreSQL a kill left running, so a failed assertion leaves no process behind.
 */
public final class PlatformProcess implements AutoCloseable {

    /** The platform started last on each data directory: the one whose PostgreSQL is there now. */
    private static final Map<Path, PlatformProcess> LATEST = new ConcurrentHashMap<>();

    private final Process process;
    private final Path dataDirectory;
    private final int port;
    private final Path log;

    private PlatformProcess(Process process, Path dataDirectory, int port, Path log) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
    }

    /**
     * A new data directory under {@code target/<purpose>} that already holds an initialised, stopped PostgreSQL
     * and its binaries, as a first start leaves them: a start on it skips the extraction and {@code initdb}. For
     * tests about something else than a first start.
     */
    public static Path preparedDataDirectory(String purpose) throws IOException {
        var directory = Path.of("target", purpose, UUID.randomUUID().toString()).toAbsolutePath();
        PostgresTemplate.copyTo(directory);
        return directory;
    }

    public static PlatformProcess start(Path dataDirectory, String... extraArguments) throws IOException {
        return start(dataDirectory, List.of(), extraArguments);
    }

    /** @param jvmOptions options of the platform's JVM, such as {@code -Xmx256m} */
    public static PlatformProcess start(Path dataDirectory, List<String> jvmOptions, String... extraArguments)
            throws IOException {
        var port = freePort();
        var log = Files.createDirectories(Path.of("target", "platform-process"))
                .resolve("run-" + System.nanoTime() + ".log");
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                MaxMySalesApplication.class.getName(),
                "--server.port=" + port,
                "--maxmysales.data-dir=" + dataDirectory.toAbsolutePath(),
                "--maxmysales.admin-token=" + PlatformTest.ADMIN_TOKEN));
        command.addAll(List.of(extraArguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var platform = new PlatformProcess(process, dataDirectory.toAbsolutePath(), port, log);
        LATEST.put(platform.dataDirectory, platform);
        return platform;
    }

    /** Waits for {@code /actuator/health} to say UP and returns how long that took. */
    public Duration awaitHealthy(Duration limit) throws InterruptedException, IOException {
        var started = System.nanoTime();
        var deadline = started + limit.toNanos();
        try (var client = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("platform exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                } catch (IOException notYetListening) {
                    // keep polling until the deadline
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("platform not healthy within " + limit + ":\n" + tail());
    }

    /**
     * Waits for a platform that is expected to refuse to start.
     *
     * @return its exit code
     */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("platform still running after " + limit);
        }
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as a service manager stops it: the platform shuts down gracefully, PostgreSQL with it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("platform did not stop within 60 s");
        }
    }

    /** SIGKILL, as the OOM killer does: nothing runs on the way out, and the PostgreSQL it started lives on. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops the platform if it still runs; if it was killed, stops the PostgreSQL it left behind, unless a later
     * platform on the same data directory runs on it now (that one's own close stops it).
     */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            stop();
            return;
        }
        var pidFile = dataDirectory.resolve("pg").resolve("postmaster.pid");
        if (LATEST.get(dataDirectory) != this || !Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        var orphan = ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive)
                .filter(postgres -> postgres.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        if (orphan.isPresent()) {
            orphan.get().destroy();
            orphan.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        }
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A port free now; the platform binds it a moment later (a race no test has lost, on loopback). */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
