package io.pluginplatform.repository.registry;

import java.util.List;

/** Reads the tags of one image from one kind of registry API. */
public interface RegistryConnector {

    /**
     * All tags of the image, in the registry's order.
     *
     * @param image repository path without registry host or tag ({@code pyengine/plugin-jira-noti-protocol})
     * @param registryUrl the registry host with an optional port, no scheme or path
     * @param credentials what to authenticate with; {@link RegistryCredentials#anonymous()} for none
     * @return the tags, empty when the registry does not know the image or does not let us see it
     * @throws io.pluginplatform.common.error.PlatformException {@code ERROR_REGISTRY_UNAVAILABLE} when the registry
     *     cannot be reached or keeps failing
     */
    List<String> tags(String image, String registryUrl, RegistryCredentials credentials);
}
