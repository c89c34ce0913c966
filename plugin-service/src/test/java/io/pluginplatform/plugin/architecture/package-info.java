/** Architecture rules (ArchUnit) that keep plugin-service's layout honest. */
package io.pluginplatform.plugin.architecture;
