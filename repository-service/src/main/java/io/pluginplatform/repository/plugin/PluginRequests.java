package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.api.repository.UpdatePluginRequest;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.web.FreeForm;
import io.pluginplatform.repository.repository.Repositories;
import io.pluginplatform.repository.system.SecretCipher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The register and update rules the request records cannot express: image grammar, plugin id derivation, registry type
 * and URL, registry configuration keys, template schemas and label de-duplication. Registry secrets are encrypted here
 * before anything is stored.
 */
@Component
class PluginRequests {

    /** A host with an optional port: no scheme, no path. */
    private static final Pattern REGISTRY_URL =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    private static final Set<String> STRING_CONFIG_KEYS = Set.of("username", "password", "token", "image_pull_secret");
    private static final Set<String> BOOLEAN_CONFIG_KEYS = Set.of("insecure");

    private final TemplateSchemas schemas;
    private final SecretCipher cipher;

    PluginRequests(TemplateSchemas schemas, SecretCipher cipher) {
        this.schemas = schemas;
        this.cipher = cipher;
    }

    PluginDocument newPlugin(String domainId, CreatePluginRequest request, Instant now) {
        ImageName.validate(request.image());
        String pluginId = request.pluginId() != null ? request.pluginId() : ImageName.derivePluginId(request.image());
        RegistryType type = request.registryType() != null ? request.registryType() : RegistryType.DOCKER_HUB;
        String registryUrl = registryUrl(type, request.registryUrl());
        FreeForm.checkDepth("capability", request.capability());
        FreeForm.checkDepth("tags", request.tags());
        Map<String, Object> config = storedConfig(request.registryConfig());
        schemas.validate(request.template());
        return new PluginDocument(
                null,
                pluginId,
                Repositories.LOCAL_ID,
                domainId,
                request.projectId(),
                request.name(),
                request.image(),
                registryUrl,
                PluginState.ENABLED,
                request.serviceType(),
                request.provider(),
                type,
                config,
                orEmpty(request.capability()),
                orEmpty(request.template()),
                distinct(request.labels()) == null ? List.of() : distinct(request.labels()),
                orEmpty(request.tags()),
                now,
                now,
                null);
    }

    void checkUpdate(UpdatePluginRequest request) {
        FreeForm.checkDepth("capability", request.capability());
        FreeForm.checkDepth("tags", request.tags());
        schemas.validate(request.template());
    }

    /** The registry configuration with its secrets readable, for the registry connectors only. */
    Map<String, Object> decryptedConfig(Map<String, Object> stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, Object> plain = new LinkedHashMap<>(stored);
        for (String key : PluginViews.SECRET_CONFIG_KEYS) {
            if (plain.get(key) instanceof String secret) {
                plain.put(key, cipher.decrypt(secret));
            }
        }
        return plain;
    }

    static String registryUrl(RegistryType type, String given) {
        if (given == null || given.isBlank()) {
            if (type.defaultUrl() == null) {
                throw PlatformException.required("registry_url");
            }
            return type.defaultUrl();
        }
        if (!REGISTRY_URL.matcher(given).matches()) {
            throw PlatformException.invalid("registry_url", "must be a host with an optional port, no scheme or path");
        }
        int colon = given.lastIndexOf(':');
        if (colon > given.lastIndexOf(']')) {
            int port = Integer.parseInt(given.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw PlatformException.invalid("registry_url", "the port must be between 1 and 65535");
            }
        }
        return given.toLowerCase();
    }

    private Map<String, Object> storedConfig(Map<String, Object> config) {
        if (config == null) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (STRING_CONFIG_KEYS.contains(key)) {
                if (!(value instanceof String text)) {
                    throw PlatformException.invalid("registry_config." + key, "must be a string");
                }
                stored.put(key, PluginViews.SECRET_CONFIG_KEYS.contains(key) ? cipher.encrypt(text) : text);
            } else if (BOOLEAN_CONFIG_KEYS.contains(key)) {
                if (!(value instanceof Boolean)) {
                    throw PlatformException.invalid("registry_config." + key, "must be a boolean");
                }
                stored.put(key, value);
            } else {
                throw PlatformException.invalid("registry_config." + key, "unknown property");
            }
        }
        return stored;
    }

    /** Labels without duplicates, in their first order; {@code null} stays {@code null}. */
    static List<String> distinct(List<String> labels) {
        return labels == null ? null : new ArrayList<>(new LinkedHashSet<>(labels));
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }
}
