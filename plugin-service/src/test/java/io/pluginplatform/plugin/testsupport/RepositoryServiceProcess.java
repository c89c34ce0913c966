package io.pluginplatform.plugin.testsupport;

import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real repository-service, started once per test JVM as a separate process from the jar its module built
 * ({@code ../repository-service/<platform.build.dir>/repository-service-0.1.0-SNAPSHOT.jar}), in memory, verifying the
 * tokens {@link Tokens} mints and reading tags from the {@link LocalRegistry}. Its output goes to
 * {@code <platform.build.dir>/repository-service-process.log}; a shutdown hook stops it.
 *
 * <p>Without the jar the calling test is skipped with the reason, or fails when {@code CI=true}.
 */
public final class RepositoryServiceProcess {

    private static final String JAR = "repository-service-0.1.0-SNAPSHOT.jar";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static String url;
    private static int port;

    private RepositoryServiceProcess() {}

    /** The base URL of the running repository-service, starting it on first use. */
    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    /** A client of the running repository-service. */
    public static Api api() {
        url();
        return new Api(port);
    }

    private static void start() {
        String buildDir = System.getProperty("platform.build.dir", "target");
        Path jar = Path.of("..", "repository-service", buildDir, JAR)
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            String reason = "repository-service is not built: no " + jar
                    + " (build it first, e.g. mvn -pl repository-service package -Dplatform.build.dir=" + buildDir
                    + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + reason);
            }
            Assumptions.abort(reason);
        }
        Path workDir = Path.of(buildDir).toAbsolutePath();
        Path log = workDir.resolve("repository-service-process.log");
        int chosen = freePort();
        Process process;
        try {
            Files.createDirectories(workDir);
            process = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar.toString(),
                            "--server.port=" + chosen,
                            "--platform.store.embedded.in-memory=true",
                            "--platform.security.jwt-secret=" + Tokens.SECRET,
                            "--platform.managed.registry-type=OCI",
                            "--platform.managed.registry-url=" + LocalRegistry.address(),
                            "--platform.registry.mirror.[registry.hub.docker.com]=" + LocalRegistry.address(),
                            "--platform.data-dir=" + workDir.resolve("repository-service-data"),
                            "--spring.jmx.enabled=false"))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-repository-service"));
        Api client = new Api(chosen);
        await("repository-service readiness on port " + chosen)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        Assertions.fail("repository-service exited with " + process.exitValue() + ":\n" + tail(log));
                    }
                    return ready(client);
                });
        port = chosen;
        url = client.base();
    }

    private static boolean ready(Api client) {
        try {
            Api.Response response = client.get("/actuator/health/readiness", null);
            return response.status() == 200 && response.body().contains("UP");
        } catch (IllegalStateException e) {
            return false; // not listening yet
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
