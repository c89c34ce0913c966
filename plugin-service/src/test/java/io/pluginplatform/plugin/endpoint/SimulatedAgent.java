package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Tokens;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supervisor agent written for the tests. It publishes with a SUPERVISOR token for its hostname and a secret key, is
 * registered by its domain's administrator, then on its own threads long-polls its desired plugins
 * ({@code list_plugins} with {@code watch_revision}) and publishes its heartbeat twice a second, reporting the plugins
 * it "runs". What it does with a plugin to provision is switchable per test ({@link Behaviour}); it can also stop
 * publishing altogether, like an agent that died. Like the real agent (supervisor-agent.md §2) it keeps running what
 * is still desired, whatever state the platform shows, and removes what is no longer desired.
 */
final class SimulatedAgent {

    /** What the agent does with a desired plugin that is {@code PROVISIONING} or {@code RE_PROVISIONING}. */
    enum Behaviour {
        /** Runs it and reports it {@code ACTIVE} at its endpoint, with the installation's generation. */
        REPORT_ACTIVE,
        /** Reports it {@code ERROR} with {@link #PROVISIONING_ERROR} as {@code last_error}. */
        REPORT_ERROR,
        /** Never reports it: it stays starting. */
        NEVER_REPORT,
        /** Starts what it does not run yet, but keeps a running old generation reporting {@code ACTIVE}. */
        KEEP_OLD_GENERATION
    }

    static final String PROVISIONING_ERROR = "pull access denied: manifest unknown";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final String domain;
    private final String hostname;
    private final String token;
    private final String secretKey;
    private final Integer capacity;
    private final String endpoint;
    private final String supervisorId;
    private final ScheduledExecutorService heartbeat;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object publishLock = new Object();
    /** What the agent runs, by plugin key and version: the report it publishes for each. */
    private final Map<String, Map<String, Object>> running = new ConcurrentHashMap<>();
    /** The image of every plugin the agent was asked to run, by plugin id and version. */
    private final Map<String, String> images = new ConcurrentHashMap<>();

    private final AtomicLong publishes = new AtomicLong();
    private volatile Behaviour behaviour = Behaviour.REPORT_ACTIVE;
    private volatile boolean publishing = true;
    private volatile JsonNode desired = JSON.createArrayNode();

    private SimulatedAgent(Api api, String domain, Integer capacity) {
        this.api = api;
        this.domain = domain;
        this.hostname = "agent-" + hex(5);
        this.token = Tokens.supervisor(domain, hostname);
        this.secretKey = "secret-of-" + hostname;
        this.capacity = capacity;
        this.endpoint = "127.0.0.1:" + (20_000 + RANDOM.nextInt(40_000));
        Api.Response created = publish();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        this.supervisorId = created.json().path("supervisor_id").asString();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat-" + hostname);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts an agent in the domain: its first publish creates the supervisor, the domain's administrator registers it
     * with the given fields ({@code "labels", Map.of(...)}, {@code "priority", 90}), then it syncs on its own threads.
     */
    static SimulatedAgent start(Api api, String domain, Object... registerFields) {
        return start(api, domain, null, registerFields);
    }

    /** As {@link #start(Api, String, Object...)}, for an agent that accepts at most {@code capacity} plugins. */
    static SimulatedAgent start(Api api, String domain, Integer capacity, Object... registerFields) {
        SimulatedAgent agent = new SimulatedAgent(api, domain, capacity);
        Map<String, Object> body = object("supervisor_id", agent.supervisorId);
        body.putAll(object(registerFields));
        Api.Response registered =
                api.post("/plugin/v1/supervisor/register", Tokens.admin(domain), JSON.writeValueAsString(body));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        agent.heartbeat.scheduleWithFixedDelay(agent::publishIfPublishing, 0, 500, TimeUnit.MILLISECONDS);
        Thread watcher = new Thread(agent::watch, "watch-" + agent.hostname);
        watcher.setDaemon(true);
        watcher.start();
        return agent;
    }

    String supervisorId() {
        return supervisorId;
    }

    String domain() {
        return domain;
    }

    /** The endpoint every plugin of this agent is reported at. */
    String endpoint() {
        return endpoint;
    }

    /** How many heartbeats it published so far. */
    long publishes() {
        return publishes.get();
    }

    /** How many plugins it runs (reports), in any state. */
    int runningCount() {
        return running.size();
    }

    /** The image list_plugins gave it for the plugin version, or null when it was never asked to run it. */
    String imageOf(String pluginId, String version) {
        return images.get(pluginId + "@" + version);
    }

    /** Changes what it does with plugins to provision, and applies it at once to those it was asked for. */
    void behave(Behaviour next) {
        behaviour = next;
        apply(desired);
    }

    /**
     * Stops publishing, like an agent that died; returns once no publish is in flight, so that nothing it reported
     * reaches plugin-service afterwards.
     */
    void stopPublishing() {
        synchronized (publishLock) {
            publishing = false;
        }
    }

    /** Stops its threads, and disables its supervisor so that it is no longer eligible for any later test. */
    void stop() {
        stopPublishing();
        stopped.countDown();
        heartbeat.shutdownNow();
        api.post(
                "/plugin/v1/supervisor/disable",
                Tokens.admin(domain),
                JSON.writeValueAsString(object("supervisor_id", supervisorId)));
    }

    // the agent's loops

    /** Publishes unless it stopped publishing; a publish that starts runs to its end before publishing can stop. */
    private void publishIfPublishing() {
        synchronized (publishLock) {
            if (publishing) {
                publish();
            }
        }
    }

    private Api.Response publish() {
        synchronized (publishLock) {
            Map<String, Object> agent =
                    object("version", "1.0.0", "runtime", "simulated", "plugin_count", running.size());
            if (capacity != null) {
                agent.put("capacity", capacity);
            }
            Map<String, Object> body = object(
                    "name",
                    "agent " + hostname,
                    "hostname",
                    hostname,
                    "secret_key",
                    secretKey,
                    "plugin_info",
                    new ArrayList<>(running.values()),
                    "agent",
                    agent);
            try {
                Api.Response response = api.post("/plugin/v1/supervisor/publish", token, JSON.writeValueAsString(body));
                publishes.incrementAndGet();
                return response;
            } catch (IllegalStateException e) {
                return null; // plugin-service is going away with the test run; the next beat tries again
            }
        }
    }

    /** Long-polls the desired plugins: the first read at once, then each answer as soon as the revision moves. */
    private void watch() {
        long revision = -1;
        while (stopped.getCount() > 0) {
            String path = "/plugin/v1/supervisor/" + supervisorId + "/plugins"
                    + (revision < 0 ? "" : "?watch_revision=" + revision + "&watch_timeout_seconds=5");
            try {
                Api.Response response = api.get(path, token);
                if (response.status() == 200) {
                    revision = response.json().path("revision").asLong();
                    desired = response.json().path("results");
                    if (publishing) {
                        apply(desired);
                    }
                    continue;
                }
            } catch (IllegalStateException e) {
                // plugin-service is unreachable: wait a little below, then try again
            }
            try {
                if (stopped.await(200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Brings what it runs in line with the desired plugins, as its behaviour says, then publishes at once. */
    private synchronized void apply(JsonNode plugins) {
        List<String> wanted = new ArrayList<>();
        for (JsonNode plugin : plugins) {
            String key = plugin.path("plugin_key").asString() + "@"
                    + plugin.path("version").asString();
            wanted.add(key);
            images.put(
                    plugin.path("plugin_id").asString() + "@"
                            + plugin.path("version").asString(),
                    plugin.path("image").asString());
            String state = plugin.path("state").asString();
            long generation = plugin.path("generation").asLong();
            if ("PROVISIONING".equals(state) || "RE_PROVISIONING".equals(state)) {
                switch (behaviour) {
                    case REPORT_ACTIVE -> running.put(key, report(plugin, "ACTIVE", generation, null));
                    case REPORT_ERROR -> running.put(key, report(plugin, "ERROR", generation, PROVISIONING_ERROR));
                    case NEVER_REPORT -> {}
                    case KEEP_OLD_GENERATION -> running.putIfAbsent(key, report(plugin, "ACTIVE", generation, null));
                }
            }
        }
        running.keySet().retainAll(wanted);
        publishIfPublishing();
    }

    private Map<String, Object> report(JsonNode plugin, String state, long generation, String lastError) {
        Map<String, Object> report = object(
                "plugin_id",
                plugin.path("plugin_id").asString(),
                "plugin_key",
                plugin.path("plugin_key").asString(),
                "version",
                plugin.path("version").asString(),
                "state",
                state,
                "generation",
                generation);
        if ("ACTIVE".equals(state)) {
            report.put("endpoint", endpoint);
            report.put("endpoints", List.of(endpoint));
        }
        if (lastError != null) {
            report.put("last_error", lastError);
        }
        return report;
    }

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
