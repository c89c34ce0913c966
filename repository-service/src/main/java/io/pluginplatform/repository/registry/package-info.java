/**
 * Reading an image's tags from container registries: one connector per registry API (Docker Hub, OCI distribution),
 * and {@link io.pluginplatform.repository.registry.RegistryVersions}, which applies mirrors, caches answers and sorts
 * them with the platform's version order.
 */
package io.pluginplatform.repository.registry;
