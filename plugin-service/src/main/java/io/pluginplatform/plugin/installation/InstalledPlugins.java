package io.pluginplatform.plugin.installation;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The installed plugins collection, as other features need it: what is installed on a supervisor. */
@Component
public class InstalledPlugins {

    public static final String COLLECTION = "installed_plugins";

    private final MongoTemplate mongo;

    InstalledPlugins(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long countOn(String supervisorId) {
        return mongo.count(onSupervisor(supervisorId), COLLECTION);
    }

    /** Deletes every installation of the supervisor; its agent removes the containers when it next syncs. */
    public long deleteOn(String supervisorId) {
        return mongo.remove(onSupervisor(supervisorId), COLLECTION).getDeletedCount();
    }

    private static Query onSupervisor(String supervisorId) {
        return new Query(Criteria.where("supervisor_id").is(supervisorId));
    }
}
