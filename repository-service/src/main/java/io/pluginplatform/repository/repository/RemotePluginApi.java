package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.VersionsInfo;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The plugin API of another repository-service, in its verb style. */
@HttpExchange("/repository/v1/plugin")
interface RemotePluginApi {

    @PostExchange("/get")
    PluginInfo get(@RequestBody Map<String, Object> request);

    @PostExchange("/list")
    ListResponse<PluginInfo> list(@RequestBody Map<String, Object> request);

    @PostExchange("/get-versions")
    VersionsInfo versions(@RequestBody Map<String, Object> request);

    @PostExchange("/stat")
    Map<String, Object> stat(@RequestBody Map<String, Object> request);
}
