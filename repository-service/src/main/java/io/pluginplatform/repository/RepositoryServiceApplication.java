package io.pluginplatform.repository;

import io.pluginplatform.common.auth.SecurityConfiguration;
import io.pluginplatform.common.query.QueryConfiguration;
import io.pluginplatform.common.store.StoreConfiguration;
import io.pluginplatform.common.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** repository-service: the plugin catalogue. */
@SpringBootApplication
@Import({WebConfiguration.class, SecurityConfiguration.class, StoreConfiguration.class, QueryConfiguration.class})
public class RepositoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RepositoryServiceApplication.class, args);
    }
}
