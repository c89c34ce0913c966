package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** supervisor get; {@code only} names the fields to return. */
public record GetSupervisorRequest(@NotBlank String supervisorId, String domainId, List<String> only) {}
