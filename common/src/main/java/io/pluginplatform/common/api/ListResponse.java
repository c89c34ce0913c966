package io.pluginplatform.common.api;

import java.util.List;

/** Every list answer: the page of results and the number of all matches. */
public record ListResponse<T>(List<T> results, long totalCount) {}
