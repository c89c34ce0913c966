package io.pluginplatform.repository.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry played by a script: JDK HTTP server on 127.0.0.1, one handler per path, every request recorded. */
final class ScriptedRegistry implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code 127.0.0.1:<port>}, a registry URL read over plain HTTP because it is the loopback. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://" + address();
    }

    ScriptedRegistry on(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Answers with each reply in turn, repeating the last one. */
    ScriptedRegistry onSequence(String path, Reply... replies) {
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
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Route route = routes.get(request.path());
            Reply reply;
            try {
                reply = route == null ? Reply.status(404) : route.handle(request);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
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

    record Request(String method, String path, String query, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        /** A query parameter's raw value, or {@code null}. */
        String parameter(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return pair.substring(equals + 1);
                }
            }
            return null;
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {

        static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body);
        }

        static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        static Reply tags(String name, String... tags) {
            List<String> quoted = new ArrayList<>();
            for (String tag : tags) {
                quoted.add("\"" + tag + "\"");
            }
            return json("{\"name\":\"" + name + "\",\"tags\":[" + String.join(",", quoted) + "]}");
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body);
        }

        Reply withBody(String text) {
            return new Reply(status, headers, text);
        }
    }
}
