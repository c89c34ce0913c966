package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** plugin register. Image grammar, the template's schemas and registry rules are checked by the service. */
public record CreatePluginRequest(
        @NotBlank @Size(max = 255) String name,

        @NotBlank
        @Size(max = 255)
        @Pattern(
                regexp = "[A-Za-z0-9_]+\\.[A-Za-z0-9_]+",
                message = "must look like <service>.<Kind>, e.g. notification.Protocol")
        String serviceType,

        @NotBlank String image,

        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must match [a-z0-9][a-z0-9-]{1,62}")
        String pluginId,

        @Size(max = 255) String provider,
        RegistryType registryType,
        @Size(max = 255) String registryUrl,
        Map<String, Object> registryConfig,
        Map<String, Object> capability,
        Map<String, Object> template,

        @Size(max = 50, message = "must hold at most 50 labels")
        List<@NotBlank @Size(max = 64) String> labels,

        @Size(max = 100, message = "must hold at most 100 keys")
        Map<String, Object> tags,

        @Size(max = 255) String projectId,
        String domainId) {}
