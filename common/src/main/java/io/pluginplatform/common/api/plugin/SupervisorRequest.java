package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.NotBlank;

/** supervisor enable, disable and deregister; {@code force} (deregister) deletes its installed plugins too. */
public record SupervisorRequest(@NotBlank String supervisorId, String domainId, Boolean force) {}
