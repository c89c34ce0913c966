package io.pluginplatform.plugin.system;

import io.pluginplatform.common.id.Ids;
import io.pluginplatform.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases in MongoDB, so that a housekeeping job runs on one plugin-service instance at a time: one document per job,
 * named by its id, held by an instance until it expires. Taking a lease is one upsert: it matches when the lease is
 * free, expired or already ours; otherwise the upsert's insert collides with the holder's document on {@code _id}.
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner = Ids.generate("instance");

    Leases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Takes or renews the lease for {@code ttl}; false when another instance holds it. */
    public boolean acquire(String name, Duration ttl) {
        Instant now = Timestamps.now(clock);
        Query free = new Query(Criteria.where("_id")
                .is(name)
                .orOperator(
                        Criteria.where("expires_at").lt(now),
                        Criteria.where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("expires_at", now.plus(ttl));
        try {
            mongo.upsert(free, take, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
