/** The managed catalogue: the platform's bundled plugins, loaded from YAML files into the managed repository. */
package io.pluginplatform.repository.managed;
