package io.pluginplatform.common.web;

import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.query.Page;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.query.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The query-string form of list routes ({@code GET ...?provider=aws&keyword=jira&start=1&limit=20&sort=-created_at}),
 * so that curl needs no JSON. Unknown parameter names are rejected like unknown body properties.
 */
public final class QueryParameters {

    public static final String KEYWORD = "keyword";
    public static final String START = "start";
    public static final String LIMIT = "limit";
    public static final String SORT = "sort";
    public static final String DOMAIN_ID = "domain_id";

    private final MultiValueMap<String, String> parameters;

    private QueryParameters(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** Accepts the given names plus the paging, sorting and keyword names. */
    public static QueryParameters of(MultiValueMap<String, String> parameters, Set<String> names) {
        for (String name : parameters.keySet()) {
            boolean known = names.contains(name)
                    || KEYWORD.equals(name)
                    || START.equals(name)
                    || LIMIT.equals(name)
                    || SORT.equals(name)
                    || DOMAIN_ID.equals(name);
            if (!known) {
                throw PlatformException.invalid(name, "unknown parameter");
            }
            if (parameters.get(name).size() > 1) {
                throw PlatformException.invalid(name, "given more than once");
            }
        }
        return new QueryParameters(parameters);
    }

    /** Accepts exactly the given names. */
    public static QueryParameters strict(MultiValueMap<String, String> parameters, Set<String> names) {
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                throw PlatformException.invalid(name, "unknown parameter");
            }
            if (parameters.get(name).size() > 1) {
                throw PlatformException.invalid(name, "given more than once");
            }
        }
        return new QueryParameters(parameters);
    }

    public String get(String name) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid(name, "unknown value");
        }
    }

    /** The query built from keyword, start, limit and sort. */
    public Query toQuery() {
        Integer start = integer(START);
        Integer limit = integer(LIMIT);
        Page page = start == null && limit == null ? null : new Page(start, limit);
        return new Query(null, null, sort(get(SORT)), page, null, null, null, get(KEYWORD));
    }

    private Integer integer(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw PlatformException.invalid(name, "must be an integer");
        }
    }

    private static List<SortKey> sort(String value) {
        if (value == null) {
            return null;
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : value.split(",")) {
            String key = part.trim();
            if (key.isEmpty()) {
                continue;
            }
            boolean desc = key.startsWith("-");
            keys.add(new SortKey(desc ? key.substring(1) : key, desc));
        }
        return keys.isEmpty() ? null : keys;
    }
}
