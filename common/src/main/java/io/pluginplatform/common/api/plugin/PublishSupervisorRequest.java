package io.pluginplatform.common.api.plugin;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** supervisor publish: the agent's heartbeat, with the plugins it runs. {@code plugin_info} may be a single object. */
public record PublishSupervisorRequest(
        @NotBlank @Size(max = 255) String name,

        @NotBlank @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a host name")
        String hostname,

        @Size(min = 8, max = 256, message = "must be 8 to 256 characters")
        String secretKey,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Size(max = 1000, message = "must hold at most 1000 plugins")
        List<@Valid ReportedPlugin> pluginInfo,

        @Size(max = 100, message = "must hold at most 100 keys")
        Map<String, Object> tags,

        Boolean isPublic,
        String domainId,
        @Valid AgentInfo agent) {}
