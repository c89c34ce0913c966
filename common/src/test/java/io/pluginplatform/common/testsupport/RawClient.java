package io.pluginplatform.common.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a {@link BadRequest} byte for byte: any content type or none, bodies that are not valid UTF-8, bodies streamed
 * in chunks without a {@code Content-Length}, and request targets Java's HTTP client refuses to build (such as
 * {@code %ZZ}), which go over a plain socket.
 */
public final class RawClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    public RawClient(int port) {
        this.port = port;
    }

    /** An answer: status, headers by lower-case name, body text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public Answer send(BadRequest request) {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + request.path());
        } catch (IllegalArgumentException notAUri) {
            return overSocket(request);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(TIMEOUT_MILLIS));
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        builder.method(request.method(), publisher(request));
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(BadRequest request) {
        byte[] body = request.body();
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (request.chunked()) {
            // An input stream has no known length, so the client sends it with Transfer-Encoding: chunked.
            return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        }
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** HTTP/1.0 over a socket: the request target goes out exactly as written, the answer ends when the server closes. */
    private Answer overSocket(BadRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.path())
                .append(" HTTP/1.0\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        if (request.token() != null) {
            head.append("Authorization: Bearer ").append(request.token()).append("\r\n");
        }
        if (request.contentType() != null) {
            head.append("Content-Type: ").append(request.contentType()).append("\r\n");
        }
        request.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request, e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, text.substring(end + 4));
    }
}
