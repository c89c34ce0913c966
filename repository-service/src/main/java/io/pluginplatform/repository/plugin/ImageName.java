package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.util.regex.Pattern;

/**
 * The image rules of register: an OCI repository path without registry host, tag or digest, at most 40 characters;
 * and the plugin id derived from it.
 */
final class ImageName {

    static final int MAX_LENGTH = 40;

    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private ImageName() {}

    static void validate(String image) {
        if (image.length() > MAX_LENGTH) {
            throw PlatformException.of(ErrorCode.ERROR_INVALID_IMAGE_LENGTH, "image", image, "max_length", MAX_LENGTH)
                    .withViolation("image", "must be at most " + MAX_LENGTH + " characters");
        }
        if (image.contains(":") || image.contains("@")) {
            throw invalid(image, "a tag or digest is not allowed, versions come from the registry");
        }
        String first = image.split("/", 2)[0];
        if (image.contains("/") && (first.contains(".") || first.equals("localhost"))) {
            throw invalid(image, "the registry host belongs in registry_url");
        }
        if (!PATH.matcher(image).matches()) {
            throw invalid(
                    image, "must be lower-case [a-z0-9] components joined by '.', '_', '__' or '-', separated by '/'");
        }
    }

    /** The last path segment, when it is a valid plugin id. */
    static String derivePluginId(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!PLUGIN_ID.matcher(last).matches()) {
            throw PlatformException.invalid(
                    "plugin_id", "cannot be derived from the image (" + last + "), give one explicitly");
        }
        return last;
    }

    private static PlatformException invalid(String image, String reason) {
        return PlatformException.of(ErrorCode.ERROR_INVALID_IMAGE_FORMAT, "image", image, "reason", reason)
                .withViolation("image", reason);
    }
}
