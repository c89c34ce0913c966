package io.pluginplatform.common.api.repository;

import java.util.List;

/** plugin get_versions: every tag of the image, newest first. */
public record VersionsInfo(int totalCount, List<String> results) {}
