package io.pluginplatform.repository.managed;

import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.repository.plugin.ManagedPlugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the bundled catalogue (one YAML file per plugin) into the managed repository at start: idempotent, and entries
 * removed from the files are removed from the database. A file that breaks the register rules stops the start, so
 * that a bad catalogue never ships silently.
 */
@Component
@EnableConfigurationProperties(ManagedCatalogueProperties.class)
class ManagedCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ManagedCatalogue.class);

    private final ManagedCatalogueProperties properties;
    private final ManagedPlugins plugins;
    private final ObjectMapper json;

    ManagedCatalogue(ManagedCatalogueProperties properties, ManagedPlugins plugins, ObjectMapper json) {
        this.properties = properties;
        this.plugins = plugins;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Reads the files and makes the managed repository hold exactly their plugins. */
    ManagedPlugins.Outcome load() {
        List<CreatePluginRequest> entries = read();
        ManagedPlugins.Outcome outcome =
                plugins.replaceAll(entries, properties.registryType(), properties.registryUrl());
        log.info(
                "Managed catalogue loaded from {}: {} entries, {} added, {} changed, {} removed",
                properties.location(),
                entries.size(),
                outcome.added(),
                outcome.changed(),
                outcome.removed());
        return outcome;
    }

    private List<CreatePluginRequest> read() {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(properties.location());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the managed catalogue at " + properties.location(), e);
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
        List<CreatePluginRequest> entries = new ArrayList<>();
        for (Resource file : files) {
            entries.add(parse(file));
        }
        return entries;
    }

    private CreatePluginRequest parse(Resource file) {
        try (InputStream in = file.getInputStream()) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(yaml instanceof Map<?, ?> fields)) {
                throw new IllegalStateException("managed catalogue file " + file.getFilename() + " is not a mapping");
            }
            CreatePluginRequest entry = json.convertValue(fields, CreatePluginRequest.class);
            if (!properties.imagePrefix().isEmpty()) {
                entry = new CreatePluginRequest(
                        entry.name(),
                        entry.serviceType(),
                        properties.imagePrefix() + entry.image(),
                        entry.pluginId(),
                        entry.provider(),
                        entry.registryType(),
                        entry.registryUrl(),
                        entry.registryConfig(),
                        entry.capability(),
                        entry.template(),
                        entry.labels(),
                        entry.tags(),
                        entry.projectId(),
                        entry.domainId());
            }
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read managed catalogue file " + file.getFilename(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "managed catalogue file " + file.getFilename() + " is invalid: " + e.getMessage(), e);
        }
    }
}
