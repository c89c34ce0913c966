package io.pluginplatform.plugin.catalogue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A repository-service played by a script: JDK HTTP server on 127.0.0.1, one handler per path, requests recorded. */
final class ScriptedRepository implements AutoCloseable {

    static final String GET = "/repository/v1/plugin/get";
    static final String GET_VERSIONS = "/repository/v1/plugin/get-versions";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedRepository() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedRepository on(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Answers with each reply in turn, repeating the last one. */
    ScriptedRepository onSequence(String path, Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return on(path, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    int count(String path) {
        return requests(path).size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Route route = routes.get(request.path());
            Reply reply;
            try {
                reply = route == null ? Reply.status(404) : route.handle(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }

    @FunctionalInterface
    interface Route {
        Reply handle(Request request) throws InterruptedException;
    }

    record Request(String method, String path, String authorization, String contentType, String body) {}

    record Reply(int status, String contentType, String body) {

        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        static Reply status(int status) {
            return new Reply(status, "application/json", "");
        }

        static Reply problem(int status, String detail) {
            return new Reply(
                    status,
                    "application/problem+json",
                    "{\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"ERROR_X\"}");
        }

        static Reply plugin(String pluginId) {
            return json("{\"plugin_id\":\"" + pluginId + "\",\"name\":\"Jira\",\"image\":\"pyengine/" + pluginId
                    + "\",\"state\":\"ENABLED\",\"service_type\":\"notification.Protocol\",\"provider\":\"atlassian\","
                    + "\"registry_type\":\"DOCKER_HUB\",\"registry_url\":\"registry.hub.docker.com\","
                    + "\"capability\":{\"port\":50051},\"labels\":[\"jira\"],"
                    + "\"a_field_of_a_newer_repository_service\":true}");
        }

        static Reply versions(String... tags) {
            StringBuilder json = new StringBuilder("{\"total_count\":" + tags.length + ",\"results\":[");
            for (int i = 0; i < tags.length; i++) {
                json.append(i == 0 ? "" : ",").append('"').append(tags[i]).append('"');
            }
            return json(json.append("]}").toString());
        }
    }
}
