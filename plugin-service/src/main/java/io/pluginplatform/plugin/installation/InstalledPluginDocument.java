package io.pluginplatform.plugin.installation;

import io.pluginplatform.common.api.plugin.InstalledPluginState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One plugin version placed on one supervisor, as stored. {@code plugin_key} names the catalogue entry unambiguously
 * ({@code managed/<id>}, {@code remote/<repository>/<id>}, {@code local/<domain>/<id>}); (supervisor, plugin key,
 * version) is unique. {@code domain_id} is the supervisor's domain, {@code consumer_domains} the domains it was served
 * to. {@code image}, {@code registry_config} (its non-secret part) and {@code capability} are what the agent needs to
 * run it. {@code failed_by_callers} marks an ERROR that callers' failure reports decided (not the agent): only a recovery
 * ends it. Every write is a conditional update on {@code state} and {@code generation}.
 */
@Document(InstalledPlugins.COLLECTION)
public record InstalledPluginDocument(
        @Id String id,
        String supervisorId,
        String domainId,
        String pluginKey,
        String pluginId,
        String version,
        InstalledPluginState state,
        String endpoint,
        List<String> endpoints,
        Long generation,
        Integer failureCount,
        List<Instant> failures,
        String lastError,
        Boolean failedByCallers,
        Instant recoveredAt,
        Instant endpointCalledAt,
        List<String> consumerDomains,
        String image,
        Map<String, Object> registryConfig,
        Map<String, Object> capability,
        Instant createdAt,
        Instant updatedAt) {

    static final String SUPERVISOR_ID = "supervisor_id";
    static final String DOMAIN_ID = "domain_id";
    static final String PLUGIN_KEY = "plugin_key";
    static final String PLUGIN_ID = "plugin_id";
    static final String VERSION = "version";
    static final String STATE = "state";
    static final String ENDPOINT = "endpoint";
    static final String ENDPOINTS = "endpoints";
    static final String GENERATION = "generation";
    static final String LAST_ERROR = "last_error";
    static final String CONSUMER_DOMAINS = "consumer_domains";
    static final String UPDATED_AT = "updated_at";

    long generationOrZero() {
        return generation == null ? 0 : generation;
    }
}
