package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Validates a {@link Query} against a resource's {@link FieldCatalogue} and translates it into a {@link MongoQuery}.
 * Pure: no database is touched, the clock only resolves {@code timediff} values. The caller's scope (the domain) is
 * always ANDed with the client's conditions, so that no query can widen it.
 */
public final class QueryTranslator {

    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(5);
    static final String ID = "_id";

    private final Filters filters;
    private final Duration maxTime;

    public QueryTranslator(Clock clock) {
        this(clock, DEFAULT_MAX_TIME);
    }

    public QueryTranslator(Clock clock, Duration maxTime) {
        this.filters = new Filters(new ConditionTranslator(Objects.requireNonNull(clock, "clock")));
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive");
        }
        this.maxTime = maxTime;
    }

    /**
     * The validated query.
     *
     * @param query the client's query; null means all items, default page
     * @param catalogue the resource's queryable fields
     * @param scope conditions the caller always applies (domain scoping); {@code new Criteria()} for none
     * @throws PlatformException 400 for any invalid part of {@code query}
     */
    public MongoQuery translate(Query query, FieldCatalogue catalogue, Criteria scope) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(scope, "scope");
        Query q = query == null ? Query.empty() : query;
        Criteria criteria = filters.combine(scope, q.filter(), q.filterOr(), q.keyword(), catalogue, "query");
        List<SortKey> sort = sort(q.sort(), catalogue);
        List<String> fields = projection(q, catalogue, sort);
        Page page = q.page() == null ? new Page(null, null) : q.page();
        long skip = page.skip();
        int limit = page.effectiveLimit();
        return new MongoQuery(criteria, sort, fields, skip, limit, Boolean.TRUE.equals(q.countOnly()), maxTime);
    }

    /** The client's sort keys in stored names, duplicates dropped, then {@code _id} ascending. */
    private static List<SortKey> sort(List<SortKey> keys, FieldCatalogue catalogue) {
        List<SortKey> sort = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                SortKey key = keys.get(i);
                String where = "query.sort[" + i + "]";
                if (key == null) {
                    throw PlatformException.required(where);
                }
                String stored = catalogue.resolve(key.key(), where + ".key").storedName();
                if (seen.add(stored)) {
                    sort.add(new SortKey(stored, key.descending()));
                }
            }
        }
        if (seen.add(ID)) {
            sort.add(SortKey.asc(ID));
        }
        return sort;
    }

    /** {@code only} or the minimal set (stored names) plus the sort keys; empty for every field. */
    private static List<String> projection(Query query, FieldCatalogue catalogue, List<SortKey> sort) {
        Set<String> fields = new LinkedHashSet<>();
        if (query.only() != null) {
            for (int i = 0; i < query.only().size(); i++) {
                fields.add(catalogue
                        .resolve(query.only().get(i), "query.only[" + i + "]")
                        .storedName());
            }
        }
        if (Boolean.TRUE.equals(query.minimal())) {
            fields.addAll(catalogue.minimalFields());
        }
        if (fields.isEmpty()) {
            return List.of();
        }
        for (SortKey key : sort) {
            if (!key.key().equals(ID)) {
                fields.add(key.key());
            }
        }
        return withoutCoveredPaths(fields);
    }

    /** Drops {@code a.b} when {@code a} is included too: MongoDB rejects a projection with both. */
    static List<String> withoutCoveredPaths(Set<String> fields) {
        List<String> kept = new ArrayList<>();
        for (String field : fields) {
            boolean covered = false;
            for (String other : fields) {
                if (!other.equals(field) && field.startsWith(other + ".")) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(field);
            }
        }
        return kept;
    }
}
