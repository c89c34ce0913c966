package io.pluginplatform.repository.registry;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.util.regex.Pattern;

/** Image repository paths as registries expect them. */
final class ImageNames {

    private static final int MAX_LENGTH = 255;
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    private ImageNames() {}

    /** The image itself, checked against the OCI name grammar, so that it can be put in a URL path as it is. */
    static String checked(String image) {
        if (image == null || image.isBlank()) {
            throw PlatformException.required("image");
        }
        if (image.length() > MAX_LENGTH || !NAME.matcher(image).matches()) {
            throw PlatformException.of(
                    ErrorCode.ERROR_INVALID_IMAGE_FORMAT,
                    "image",
                    image,
                    "reason",
                    "must be lower-case path components without registry host, tag or digest");
        }
        return image;
    }

    /** Docker Hub's name of an image: official images are {@code library/<name>}. */
    static String dockerHub(String image) {
        String checked = checked(image);
        return checked.indexOf('/') < 0 ? "library/" + checked : checked;
    }
}
