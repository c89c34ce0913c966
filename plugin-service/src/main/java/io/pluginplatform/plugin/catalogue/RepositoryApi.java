package io.pluginplatform.plugin.catalogue;

import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.VersionsInfo;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The part of repository-service's plugin API that plugin-service reads, in its verb style. */
@HttpExchange("/repository/v1/plugin")
interface RepositoryApi {

    @PostExchange("/get")
    PluginInfo get(@RequestBody Map<String, Object> request);

    @PostExchange("/get-versions")
    VersionsInfo versions(@RequestBody Map<String, Object> request);
}
