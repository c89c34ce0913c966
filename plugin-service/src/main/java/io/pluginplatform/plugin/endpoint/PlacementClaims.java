package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Placement claims: who places a plugin version for a (domain, labels) request. The claim's {@code _id} is that key, so
 * of all concurrent first callers — on any instance — exactly one inserts it and places; the others read the supervisor
 * it names and wait on the installation there. A claim whose installation is gone or failed is released by whoever
 * finds it so.
 */
@Component
class PlacementClaims {

    static final String COLLECTION = "placement_claims";

    /** A claim: the supervisor chosen, the id its installation gets, and when. */
    record Claim(String id, String supervisorId, String installationId, Instant claimedAt) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    PlacementClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String key(String pluginKey, String version, String domainId, Map<String, Object> labels) {
        return pluginKey + "|" + version + "|" + domainId + "|" + new TreeMap<>(labels == null ? Map.of() : labels);
    }

    Claim find(String key) {
        Document claim = mongo.findById(key, Document.class, COLLECTION);
        if (claim == null) {
            return null;
        }
        return new Claim(
                key,
                claim.getString("supervisor_id"),
                claim.getString("installation_id"),
                claim.getDate("claimed_at").toInstant());
    }

    /** True when this caller won the claim for the supervisor and installation id; false when another holds it. */
    boolean claim(String key, String supervisorId, String installationId) {
        try {
            mongo.insert(
                    new Document("_id", key)
                            .append("supervisor_id", supervisorId)
                            .append("installation_id", installationId)
                            .append("claimed_at", java.util.Date.from(Timestamps.now(clock))),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Releases the claim, only if it still names that supervisor (someone may have claimed anew meanwhile). */
    void release(Claim claim) {
        mongo.remove(
                new Query(Criteria.where("_id")
                        .is(claim.id())
                        .and("supervisor_id")
                        .is(claim.supervisorId())),
                COLLECTION);
    }
}
