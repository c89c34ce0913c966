/** Architecture rules (ArchUnit) for the shared module. */
package io.pluginplatform.common.architecture;
