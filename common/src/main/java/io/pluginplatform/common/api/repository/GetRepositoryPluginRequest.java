package io.pluginplatform.common.api.repository;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** plugin get; {@code only} may be a list of field names or one name. */
public record GetRepositoryPluginRequest(
        @NotBlank String pluginId,
        String repositoryId,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> only,

        String domainId) {}
