package io.pluginplatform.common.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real OCI registry of the test machines (CNCF distribution, Debian's {@code docker-registry}) on
 * {@code 127.0.0.1:5000}, or on {@code TEST_REGISTRY_ADDRESS} when that variable is set.
 *
 * <p>Tests call {@link #assumeAvailable()}: without a registry they are skipped with a visible reason on a developer's
 * machine and fail when {@code CI=true}. {@link #pushImage(String, String...)} pushes a tiny image through the
 * registry's HTTP API, so no Docker daemon is needed. Start the registry as {@code .ci/run} does:
 *
 * <pre>
 * /usr/bin/docker-registry serve /tmp/registry-config.yml   # http.addr 127.0.0.1:5000, storage under /tmp/registry-data
 * </pre>
 */
public final class LocalRegistry {

    private static final String DEFAULT_ADDRESS = "127.0.0.1:5000";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private LocalRegistry() {}

    /** The registry's host and port, as a plugin's {@code registry_url}. */
    public static String address() {
        String configured = System.getenv("TEST_REGISTRY_ADDRESS");
        return configured == null || configured.isBlank() ? DEFAULT_ADDRESS : configured.trim();
    }

    /** True when the registry answers {@code GET /v2/}. */
    public static boolean available() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(url("/v2/"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips the calling test when the registry is not running, or fails it when {@code CI=true}. */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        String reason = "no OCI registry answers on http://" + address()
                + "/v2/ (install Debian's docker-registry and start it bound to " + address() + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + reason);
        }
        Assumptions.assumeTrue(false, reason);
    }

    /** A repository name no earlier run has used, such as {@code test/versions-1a2b3c4d}. */
    public static String uniqueRepository(String name) {
        return uniqueRepository("test", name);
    }

    /** A repository name no earlier run has used in the given namespace, such as {@code library/hello-1a2b3c4d}. */
    public static String uniqueRepository(String namespace, String name) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return namespace + "/" + name + "-" + HexFormat.of().formatHex(suffix);
    }

    /**
     * Pushes a tiny OCI image (one empty layer) to {@code repository} under each tag: uploads its config and layer
     * blobs ({@code POST /v2/<name>/blobs/uploads/}, then {@code PUT <location>&digest=...}), then puts the manifest
     * under every tag, in the given order.
     */
    public static void pushImage(String repository, String... tags) {
        byte[] emptyTar = new byte[1024];
        byte[] layer = gzip(emptyTar);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + digest(emptyTar) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        uploadBlob(repository, config);
        uploadBlob(repository, layer);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                        + "\"config\":{\"mediaType\":\"" + OCI_CONFIG + "\",\"digest\":\"" + digest(config)
                        + "\",\"size\":" + config.length + "},"
                        + "\"layers\":[{\"mediaType\":\"" + OCI_LAYER + "\",\"digest\":\"" + digest(layer)
                        + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        for (String tag : tags) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + tag))
                    .header("Content-Type", OCI_MANIFEST)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
            expect(response, 201, "put manifest " + repository + ":" + tag);
        }
    }

    private static void uploadBlob(String repository, byte[] blob) {
        HttpResponse<String> started = send(HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(started, 202, "start blob upload to " + repository);
        String location = started.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("blob upload without Location"));
        URI upload = URI.create("http://" + address()).resolve(location);
        String separator = upload.getRawQuery() == null ? "?" : "&";
        HttpResponse<String> finished = send(HttpRequest.newBuilder(
                        URI.create(upload + separator + "digest=" + digest(blob).replace(":", "%3A")))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
        expect(finished, 201, "finish blob upload to " + repository);
    }

    private static URI url(String path) {
        return URI.create("http://" + address() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException("registry " + address() + " did not answer", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    what + ": registry answered " + response.statusCode() + " " + response.body());
        }
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }
}
