package io.pluginplatform.common.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A validated list query, ready for {@link QueryRunner#list}: the complete filter (scope included), the sort with its
 * {@code _id} tie-break, the projection, the page and the time limit. {@link #query()} builds a fresh Spring Data
 * query on every call, so callers may modify what they get.
 *
 * @param criteria the whole filter: scope AND filter AND (filter_or) AND keyword
 * @param sort the applied sort, in stored names, ending with {@code _id}
 * @param fields the fields to return (stored names); empty for all
 * @param skip the number of matches to skip
 * @param limit the number of documents to return; 0 when none are wanted
 * @param countOnly true when only the total count is wanted
 * @param maxTime the server-side time limit of each database call
 */
public record MongoQuery(
        Criteria criteria,
        List<SortKey> sort,
        List<String> fields,
        long skip,
        int limit,
        boolean countOnly,
        Duration maxTime) {

    public MongoQuery {
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
    }

    /** The query that reads the page: filter, sort, projection, skip, limit and {@code maxTimeMS}. */
    public Query query() {
        Query query = new Query(criteria).with(toSort(sort)).skip(skip).limit(limit);
        if (!fields.isEmpty()) {
            query.fields().include(fields.toArray(String[]::new));
        }
        return query.maxTime(maxTime);
    }

    /** The query that counts every match, ignoring the page. */
    public Query countQuery() {
        return new BasicQuery(criteria.getCriteriaObject()).maxTime(maxTime);
    }

    /** True unless only the count is wanted ({@code count_only} or a page limit of 0). */
    public boolean returnsDocuments() {
        return !countOnly && limit > 0;
    }

    /** The same query with another page, e.g. the first {@code start + limit - 1} items when merging sources. */
    public MongoQuery withPaging(long skip, int limit) {
        return new MongoQuery(criteria, sort, fields, skip, limit, countOnly, maxTime);
    }

    static Sort toSort(List<SortKey> keys) {
        List<Sort.Order> orders = new ArrayList<>();
        for (SortKey key : keys) {
            orders.add(key.descending() ? Sort.Order.desc(key.key()) : Sort.Order.asc(key.key()));
        }
        return Sort.by(orders);
    }
}
