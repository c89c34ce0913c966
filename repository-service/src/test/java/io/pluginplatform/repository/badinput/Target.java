package io.pluginplatform.repository.badinput;

/**
 * What the corpus aims at: a plugin that exists (malformed updates, enables and deregisters are sent to it, so that a
 * write slipping through would show), an image that exists in the registry (so that a register slipping through
 * validation would be inserted and show too), a DOMAIN_ADMIN token of the plugin's domain and a SYSTEM token.
 */
record Target(String pluginId, String image, String admin, String system) {}
