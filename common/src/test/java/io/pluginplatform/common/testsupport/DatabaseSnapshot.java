package io.pluginplatform.common.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Every document of every collection, as canonical JSON by collection name: what "nothing was written" compares. */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {}

    public static Map<String, List<String>> of(MongoTemplate mongo) {
        Map<String, List<String>> documents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            List<String> json = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find()) {
                json.add(document.toJson());
            }
            json.sort(String::compareTo);
            documents.put(collection, json);
        }
        return documents;
    }

    /** Documents per collection. */
    public static Map<String, Integer> counts(Map<String, List<String>> snapshot) {
        Map<String, Integer> counts = new TreeMap<>();
        snapshot.forEach((collection, documents) -> counts.put(collection, documents.size()));
        return counts;
    }
}
