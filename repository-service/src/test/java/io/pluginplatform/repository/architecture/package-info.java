/** Architecture rules (ArchUnit) that keep the layout honest. */
package io.pluginplatform.repository.architecture;
