package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * supervisor register and update. Labels are the supervisor's own (what callers' requested labels are matched against,
 * key and value); {@code reset_secret_key} (update only) forgets the stored key, so that a replacement agent's next
 * publish sets a new one.
 */
public record RegisterSupervisorRequest(
        String supervisorId,
        @Size(min = 1, max = 255) String name,
        Boolean isPublic,
        @Min(1) @Max(100) Integer priority,

        @Size(max = 50, message = "must hold at most 50 labels")
        Map<String, Object> labels,

        @Size(max = 100, message = "must hold at most 100 keys")
        Map<String, Object> tags,

        Boolean resetSecretKey,
        String domainId) {

    public RegisterSupervisorRequest withSupervisorId(String id) {
        return new RegisterSupervisorRequest(id, name, isPublic, priority, labels, tags, resetSecretKey, domainId);
    }
}
