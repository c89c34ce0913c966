package io.pluginplatform.plugin.badinput;

/**
 * What the corpus aims at: a real supervisor (published by its agent and registered, so ENABLED) with an ACTIVE
 * installation of {@code pluginId}, so that a malformed update, enable, deregister, recover or failure report slipping
 * through would show as a write; and the tokens to call with: its domain's admin and member, its agent, SYSTEM.
 */
record Target(
        String domain,
        String hostname,
        String secretKey,
        String supervisorId,
        String pluginId,
        String version,
        String admin,
        String member,
        String agent,
        String system) {}
