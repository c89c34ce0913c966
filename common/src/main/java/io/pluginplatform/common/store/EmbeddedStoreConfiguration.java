package io.pluginplatform.common.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded MongoDB-compatible store used when no {@code MONGODB_URI} is configured: an in-process mongo-java-server
 * bound to loopback, file-backed under {@code ${platform.data-dir}/<service>/} (or in memory when
 * {@code platform.store.embedded.in-memory} is true, as in tests), handed to Spring Boot as its
 * {@link MongoConnectionDetails} so that the same Spring Data code runs against it and against real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
public class EmbeddedStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(
            @Value("${platform.data-dir:./data}") String dataDir,
            @Value("${spring.application.name}") String service,
            @Value("${platform.store.embedded.in-memory:false}") boolean inMemory) {
        MongoBackend backend;
        String where;
        if (inMemory) {
            backend = new MemoryBackend();
            where = "in memory";
        } else {
            Path directory = Path.of(dataDir, service).toAbsolutePath().normalize();
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + directory, e);
            }
            Path file = directory.resolve("store.mv");
            backend = new H2Backend(file.toString());
            where = "in " + file;
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info(
                "Using the embedded MongoDB-compatible store {} (127.0.0.1:{}); set MONGODB_URI to use a real MongoDB",
                where,
                address.getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(
            MongoServer server, @Value("${spring.mongodb.database}") String database) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + database);
        return () -> connection;
    }
}
