package io.pluginplatform.repository.testsupport;

import java.util.List;

/** The route table of repository-service.md §2: every method in both styles, as {@code "METHOD /path"}. */
public final class RouteTable {

    public static final List<String> ROUTES = List.of(
            "POST /repository/v1/plugins",
            "POST /repository/v1/plugin/register",
            "PUT /repository/v1/plugin/{plugin_id}",
            "POST /repository/v1/plugin/update",
            "DELETE /repository/v1/plugin/{plugin_id}",
            "POST /repository/v1/plugin/deregister",
            "PUT /repository/v1/plugin/{plugin_id}/enable",
            "POST /repository/v1/plugin/enable",
            "PUT /repository/v1/plugin/{plugin_id}/disable",
            "POST /repository/v1/plugin/disable",
            "GET /repository/v1/plugins/{plugin_id}/versions",
            "POST /repository/v1/plugin/get-versions",
            "GET /repository/v1/plugins/{plugin_id}",
            "POST /repository/v1/plugin/get",
            "GET /repository/v1/plugins",
            "POST /repository/v1/plugins/search",
            "POST /repository/v1/plugin/list",
            "POST /repository/v1/plugins/stat",
            "POST /repository/v1/plugin/stat",
            "POST /repository/v1/repositories",
            "POST /repository/v1/repository/register",
            "PUT /repository/v1/repository/{repository_id}",
            "POST /repository/v1/repository/update",
            "DELETE /repository/v1/repository/{repository_id}",
            "POST /repository/v1/repository/deregister",
            "GET /repository/v1/repository/{repository_id}",
            "POST /repository/v1/repository/get",
            "GET /repository/v1/repositories",
            "POST /repository/v1/repositories/search",
            "POST /repository/v1/repository/list");

    private RouteTable() {}
}
