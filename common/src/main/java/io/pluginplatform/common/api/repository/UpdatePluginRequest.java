package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** plugin update: each given field is replaced whole. */
public record UpdatePluginRequest(
        String pluginId,
        @Size(min = 1, max = 255) String name,
        Map<String, Object> capability,
        Map<String, Object> template,

        @Size(max = 50, message = "must hold at most 50 labels")
        List<@NotBlank @Size(max = 64) String> labels,

        @Size(max = 100, message = "must hold at most 100 keys")
        Map<String, Object> tags,

        String domainId) {

    public UpdatePluginRequest withPluginId(String id) {
        return new UpdatePluginRequest(id, name, capability, template, labels, tags, domainId);
    }
}
