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
import java.util.concurrent.TimeUnit;

import com.maxmysales.MaxMySalesApplication;

/**
 * The platform as an operator runs it: its own JVM, its embedded PostgreSQL in a data directory, killed
 * or stopped like a real process.
 */
public final class PlatformProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private PlatformProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
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
        return new PlatformProcess(process, port, log);
    }

    /** Waits for {@code /actuator/health} to say UP and returns how long that took. */
    public Duration awaitHealthy(Duration limit) throws InterruptedException, IOException {
        var started = System.nanoTime();
        var client = HttpClient.newHttpClient();
        var deadline = started + limit.toNanos();
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
            Thread.sleep(200);
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
            throw new IllegalStateException("platform did not stop within 60 s");
        }
    }

    /** SIGKILL, as the OOM killer does: nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
