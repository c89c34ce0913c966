package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.CreateRepositoryRequest;
import io.pluginplatform.common.api.repository.RepositoryInfo;
import io.pluginplatform.common.api.repository.RepositoryQuery;
import io.pluginplatform.common.api.repository.RepositoryRequest;
import io.pluginplatform.common.api.repository.RepositoryType;
import io.pluginplatform.common.api.repository.UpdateRepositoryRequest;
import io.pluginplatform.common.auth.Permission;
import io.pluginplatform.common.auth.RequiresPermission;
import io.pluginplatform.common.web.PathParameters;
import io.pluginplatform.common.web.QueryParameters;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Repository routes in both styles: resource style and verb style ({@code POST /repository/v1/repository/<verb>}). */
@RestController
@RequestMapping(path = "/repository/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Repository", description = "Local, managed and remote repositories")
class RepositoryController {

    private final RepositoryService repositories;

    RepositoryController(RepositoryService repositories) {
        this.repositories = repositories;
    }

    @PostMapping("/repositories")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    RepositoryInfo register(@Valid @RequestBody CreateRepositoryRequest request) {
        return repositories.register(request);
    }

    @PostMapping("/repository/register")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    RepositoryInfo registerVerb(@Valid @RequestBody CreateRepositoryRequest request) {
        return repositories.register(request);
    }

    @PutMapping("/repository/{repository_id}")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    RepositoryInfo update(
            @PathVariable("repository_id") String repositoryId, @Valid @RequestBody UpdateRepositoryRequest request) {
        String id = PathParameters.merge("repository_id", repositoryId, request.repositoryId());
        return repositories.update(request.withRepositoryId(id));
    }

    @PostMapping("/repository/update")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    RepositoryInfo updateVerb(@Valid @RequestBody UpdateRepositoryRequest request) {
        return repositories.update(request);
    }

    @DeleteMapping("/repository/{repository_id}")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    Map<String, Object> deregister(@PathVariable("repository_id") String repositoryId) {
        repositories.deregister(repositoryId);
        return Map.of();
    }

    @PostMapping("/repository/deregister")
    @RequiresPermission(Permission.REMOTE_REPOSITORY_WRITE)
    Map<String, Object> deregisterVerb(@Valid @RequestBody RepositoryRequest request) {
        repositories.deregister(request.repositoryId());
        return Map.of();
    }

    @GetMapping("/repository/{repository_id}")
    @RequiresPermission(Permission.CATALOGUE_READ)
    RepositoryInfo get(@PathVariable("repository_id") String repositoryId) {
        return repositories.get(repositoryId);
    }

    @PostMapping("/repository/get")
    @RequiresPermission(Permission.CATALOGUE_READ)
    RepositoryInfo getVerb(@Valid @RequestBody RepositoryRequest request) {
        return repositories.get(request.repositoryId());
    }

    @GetMapping("/repositories")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ListResponse<RepositoryInfo> list(@RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, Set.of("repository_id", "name", "repository_type"));
        String type = query.get("repository_type");
        RepositoryType repositoryType = null;
        if (type != null) {
            try {
                repositoryType = RepositoryType.fromWire(type);
            } catch (IllegalArgumentException e) {
                throw io.pluginplatform.common.error.PlatformException.invalid("repository_type", "unknown value");
            }
        }
        return repositories.list(
                new RepositoryQuery(query.toQuery(), query.get("repository_id"), query.get("name"), repositoryType));
    }

    @PostMapping("/repositories/search")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ListResponse<RepositoryInfo> search(@Valid @RequestBody RepositoryQuery request) {
        return repositories.list(request);
    }

    @PostMapping("/repository/list")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ListResponse<RepositoryInfo> listVerb(@Valid @RequestBody RepositoryQuery request) {
        return repositories.list(request);
    }
}
