package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Validates a {@link StatisticsQuery} against a resource's {@link FieldCatalogue} and translates it into a
 * {@link StatisticsPlan}: the caller's scope, {@code filter} and {@code filter_or} as the first {@code $match}, then
 * each stage in order. Stage keys are checked against what is available at that point: the catalogue at first, the
 * names a {@code group}, {@code project} or {@code count} produced after it. Group keys are lifted out of {@code _id}
 * right after the group, so that rows read {@code {"provider": "aws", "count": 10}}. Pure: no database is touched.
 */
public final class StatisticsTranslator {

    static final int MAX_STAGES = 32;
    private static final Set<FieldType> LISTS = EnumSet.of(FieldType.STRING_LIST, FieldType.OBJECT_LIST, FieldType.ANY);
    private static final Set<FieldType> DATES = EnumSet.of(FieldType.DATETIME, FieldType.ANY);
    private static final Map<String, String> ACCUMULATORS = Map.of(
            "sum", "$sum",
            "average", "$avg",
            "max", "$max",
            "min", "$min",
            "first", "$first",
            "last", "$last",
            "push", "$push",
            "add_to_set", "$addToSet");
    private static final Map<String, String> ARITHMETIC =
            Map.of("add", "$add", "subtract", "$subtract", "multiply", "$multiply", "divide", "$divide");

    private final Filters filters;
    private final Duration maxTime;

    public StatisticsTranslator(Clock clock) {
        this(clock, QueryTranslator.DEFAULT_MAX_TIME);
    }

    public StatisticsTranslator(Clock clock, Duration maxTime) {
        this.filters = new Filters(new ConditionTranslator(Objects.requireNonNull(clock, "clock")));
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive");
        }
        this.maxTime = maxTime;
    }

    /**
     * The validated stat query.
     *
     * @param query the client's query; {@code aggregate} or {@code distinct} is required
     * @param catalogue the resource's queryable fields
     * @param scope conditions the caller always applies (domain scoping); {@code new Criteria()} for none
     * @throws PlatformException 400 for any invalid part of {@code query}
     */
    public StatisticsPlan translate(StatisticsQuery query, FieldCatalogue catalogue, Criteria scope) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(scope, "scope");
        if (query == null) {
            throw PlatformException.required("query");
        }
        boolean aggregate = query.aggregate() != null && !query.aggregate().isEmpty();
        boolean distinct = query.distinct() != null && !query.distinct().isBlank();
        if (!aggregate && !distinct) {
            throw PlatformException.required("query.aggregate");
        }
        if (aggregate && distinct) {
            throw PlatformException.invalid("query.distinct", "give either aggregate or distinct, not both");
        }
        Criteria match = filters.combine(scope, query.filter(), query.filterOr(), null, catalogue, "query");
        List<Document> stages =
                distinct ? distinctStages(query.distinct().trim(), catalogue) : stages(query.aggregate(), catalogue);
        return plan(match, stages, query.page(), distinct);
    }

    private StatisticsPlan plan(Criteria match, List<Document> stages, Page page, boolean distinct) {
        List<AggregationOperation> pipeline = new ArrayList<>();
        if (!match.getCriteriaObject().isEmpty()) {
            pipeline.add(Aggregation.match(match));
        }
        for (Document stage : stages) {
            pipeline.add(raw(stage));
        }
        if (page == null) {
            return new StatisticsPlan(aggregation(pipeline), null, distinct);
        }
        long skip = page.skip();
        int limit = page.effectiveLimit();
        List<AggregationOperation> counting = new ArrayList<>(pipeline);
        counting.add(raw(new Document(
                "$group", new Document("_id", null).append(StatisticsPlan.TOTAL_COUNT, new Document("$sum", 1)))));
        if (limit == 0) {
            return new StatisticsPlan(null, aggregation(counting), distinct);
        }
        List<AggregationOperation> paged = new ArrayList<>(pipeline);
        if (skip > 0) {
            paged.add(raw(new Document("$skip", skip)));
        }
        paged.add(raw(new Document("$limit", limit)));
        return new StatisticsPlan(aggregation(paged), aggregation(counting), distinct);
    }

    private Aggregation aggregation(List<AggregationOperation> operations) {
        return Aggregation.newAggregation(operations)
                .withOptions(AggregationOptions.builder().maxTime(maxTime).build());
    }

    /** A stage exactly as written; the translator has validated every key and value in it. */
    private static AggregationOperation raw(Document stage) {
        return context -> stage;
    }

    /** The sorted distinct values of a field; the values of list fields count one by one, as in MongoDB. */
    private static List<Document> distinctStages(String key, FieldCatalogue catalogue) {
        Fields.ResolvedField field = catalogue.resolve(key, "query.distinct");
        String reference = "$" + field.storedName();
        List<Document> stages = new ArrayList<>();
        if (LISTS.contains(field.type())) {
            stages.add(new Document("$unwind", reference));
        }
        stages.add(new Document("$group", new Document("_id", reference)));
        stages.add(new Document("$match", new Document("_id", new Document("$ne", null))));
        stages.add(new Document("$sort", new Document("_id", 1)));
        return stages;
    }

    private List<Document> stages(List<Map<String, Object>> aggregate, FieldCatalogue catalogue) {
        if (aggregate.size() > MAX_STAGES) {
            throw PlatformException.invalid("query.aggregate", "at most " + MAX_STAGES + " stages");
        }
        Fields fields = catalogue::resolve;
        List<Document> stages = new ArrayList<>();
        for (int i = 0; i < aggregate.size(); i++) {
            String where = "query.aggregate[" + i + "]";
            Map<String, Object> stage = aggregate.get(i);
            if (stage == null) {
                throw PlatformException.required(where);
            }
            if (stage.size() != 1) {
                throw PlatformException.invalid(
                        where,
                        "a stage is an object with exactly one key: group, unwind, match, sort, project, count, limit"
                                + " or skip");
            }
            Map.Entry<String, Object> entry = stage.entrySet().iterator().next();
            String name = String.valueOf(entry.getKey());
            Object body = entry.getValue();
            String bodyWhere = where + "." + Keys.shorten(name);
            fields = switch (name) {
                case "group" -> group(body, fields, bodyWhere, stages);
                case "unwind" -> unwind(body, fields, bodyWhere, stages);
                case "match" -> match(body, fields, bodyWhere, stages);
                case "sort" -> sort(body, fields, bodyWhere, stages);
                case "project" -> project(body, fields, bodyWhere, stages);
                case "count" -> count(body, bodyWhere, stages);
                case "limit" -> limit(body, fields, bodyWhere, stages);
                case "skip" -> skip(body, fields, bodyWhere, stages);
                default -> throw PlatformException.invalid(where, "unknown stage '" + Keys.shorten(name) + "'");
            };
        }
        if (!(fields instanceof ProducedFields)) {
            // no stage reshaped the rows: they are stored documents, answered with their declared fields only, so
            // that what a resource keeps undeclared (a secret's hash, internal state) never leaves through a stat
            stages.add(new Document("$project", declaredFields(catalogue)));
        }
        return stages;
    }

    private static Document declaredFields(FieldCatalogue catalogue) {
        Document projection = new Document("_id", 0);
        for (String field : catalogue.fields().keySet()) {
            projection.put(catalogue.storedName(field), 1);
        }
        return projection;
    }

    private static Fields group(Object body, Fields fields, String where, List<Document> stages) {
        RawObject spec = RawObject.of(body, where);
        List<?> keys = spec.list("keys");
        List<?> accumulators = spec.list("fields");
        spec.rejectUnknown();
        if (keys.isEmpty() && accumulators.isEmpty()) {
            throw PlatformException.invalid(where, "group needs keys or fields");
        }
        Map<String, FieldType> produced = new LinkedHashMap<>();
        Document id = new Document();
        Document flatten = new Document("_id", 0);
        for (int j = 0; j < keys.size(); j++) {
            RawObject key = RawObject.of(keys.get(j), where + ".keys[" + j + "]");
            String keyName = key.requiredString("key", "k");
            String name = key.string("name", "n");
            String dateFormat = key.string("date_format");
            key.rejectUnknown();
            Fields.ResolvedField field = fields.resolve(keyName, key.where("key"));
            name = produce(name == null ? keyName : name, key.where("name"), produced);
            String reference = "$" + field.storedName();
            if (dateFormat != null) {
                if (!DATES.contains(field.type())) {
                    throw PlatformException.invalid(key.where("date_format"), "applies to timestamp fields only");
                }
                id.put(name, DateFormats.expression(dateFormat, reference, key.where("date_format")));
                produced.put(name, FieldType.STRING);
            } else {
                id.put(name, reference);
                produced.put(name, field.type());
            }
            flatten.put(name, "$_id." + name);
        }
        Document group = new Document("_id", id.isEmpty() ? null : id);
        for (int j = 0; j < accumulators.size(); j++) {
            RawObject accumulator = RawObject.of(accumulators.get(j), where + ".fields[" + j + "]");
            String keyName = accumulator.string("key", "k");
            String name = accumulator.string("name", "n");
            String operator = accumulator.requiredString("operator", "o").toLowerCase(Locale.ROOT);
            accumulator.rejectUnknown();
            if (operator.equals("count")) {
                name = produce(name == null ? "count" : name, accumulator.where("name"), produced);
                group.put(name, new Document("$sum", 1));
                produced.put(name, FieldType.NUMBER);
                flatten.put(name, 1);
                continue;
            }
            String mongoOperator = ACCUMULATORS.get(operator);
            if (mongoOperator == null) {
                throw PlatformException.invalid(
                        accumulator.where("operator"),
                        "unknown operator '" + Keys.shorten(operator)
                                + "'; use count, sum, average, max, min, first, last, push or add_to_set");
            }
            if (keyName == null || keyName.isEmpty()) {
                throw PlatformException.required(accumulator.where("key"));
            }
            Fields.ResolvedField field = fields.resolve(keyName, accumulator.where("key"));
            name = produce(name == null ? keyName : name, accumulator.where("name"), produced);
            group.put(name, new Document(mongoOperator, "$" + field.storedName()));
            produced.put(name, accumulated(operator, field.type()));
            flatten.put(name, 1);
        }
        stages.add(new Document("$group", group));
        stages.add(new Document("$project", flatten));
        return new ProducedFields(produced);
    }

    private static FieldType accumulated(String operator, FieldType source) {
        return switch (operator) {
            case "sum", "average" -> FieldType.NUMBER;
            case "push", "add_to_set" -> source == FieldType.STRING ? FieldType.STRING_LIST : FieldType.ANY;
            default -> source;
        };
    }

    private static Fields unwind(Object body, Fields fields, String where, List<Document> stages) {
        RawObject spec = RawObject.of(body, where);
        String path = spec.requiredString("path");
        spec.rejectUnknown();
        Fields.ResolvedField field = fields.resolve(path, spec.where("path"));
        FieldType element = switch (field.type()) {
            case STRING_LIST -> FieldType.STRING;
            case OBJECT_LIST -> FieldType.MAP;
            case ANY -> FieldType.ANY;
            default -> throw PlatformException.invalid(spec.where("path"), "unwind needs a list field");
        };
        stages.add(new Document("$unwind", "$" + field.storedName()));
        Fields.ResolvedField unwound = new Fields.ResolvedField(field.storedName(), element);
        return (key, keyWhere) -> path.equals(key) ? unwound : fields.resolve(key, keyWhere);
    }

    private Fields match(Object body, Fields fields, String where, List<Document> stages) {
        List<?> list = body instanceof Map<?, ?> ? List.of(body) : asList(body, where);
        if (list.isEmpty()) {
            throw PlatformException.invalid(where, "match needs at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            RawObject raw = RawObject.of(list.get(j), where + "[" + j + "]");
            Object key = raw.get("key", "k");
            Object value = raw.get("value", "v");
            Object operator = raw.get("operator", "o");
            raw.rejectUnknown();
            if (key != null && !(key instanceof String)) {
                throw RawObject.typeError(raw.where("key"), "string");
            }
            if (operator != null && !(operator instanceof String)) {
                throw RawObject.typeError(raw.where("operator"), "string");
            }
            conditions.add(new Condition((String) key, value, (String) operator));
        }
        List<Criteria> criteria = filters.conditions().translateAll(conditions, fields, where);
        stages.add(new Document("$match", Filters.and(criteria).getCriteriaObject()));
        return fields;
    }

    private static Fields sort(Object body, Fields fields, String where, List<Document> stages) {
        List<?> list = body instanceof Map<?, ?> ? List.of(body) : asList(body, where);
        if (list.isEmpty()) {
            throw PlatformException.invalid(where, "sort needs at least one key");
        }
        Document sort = new Document();
        for (int j = 0; j < list.size(); j++) {
            RawObject key = RawObject.of(list.get(j), where + "[" + j + "]");
            String name = key.requiredString("key", "k");
            Boolean desc = key.bool("desc");
            key.rejectUnknown();
            String stored = fields.resolve(name, key.where("key")).storedName();
            sort.putIfAbsent(stored, Boolean.TRUE.equals(desc) ? -1 : 1);
        }
        stages.add(new Document("$sort", sort));
        return fields;
    }

    private static Fields project(Object body, Fields fields, String where, List<Document> stages) {
        RawObject spec = RawObject.of(body, where);
        List<?> list = spec.list("fields");
        spec.rejectUnknown();
        if (list.isEmpty()) {
            throw PlatformException.invalid(spec.where("fields"), "project needs at least one field");
        }
        Map<String, FieldType> produced = new LinkedHashMap<>();
        Document projection = new Document("_id", 0);
        for (int j = 0; j < list.size(); j++) {
            RawObject field = RawObject.of(list.get(j), spec.where("fields") + "[" + j + "]");
            String keyName = field.requiredString("key", "k");
            String name = field.string("name", "n");
            String operator = field.string("operator", "o");
            Object value = field.get("value", "v");
            field.rejectUnknown();
            Fields.ResolvedField source = fields.resolve(keyName, field.where("key"));
            name = produce(name == null ? keyName : name, field.where("name"), produced);
            String reference = "$" + source.storedName();
            if (operator == null || operator.isEmpty()) {
                requireNoValue(value, field);
                projection.put(name, reference);
                produced.put(name, source.type());
                continue;
            }
            String op = operator.toLowerCase(Locale.ROOT);
            if (op.equals("size")) {
                requireNoValue(value, field);
                if (!LISTS.contains(source.type())) {
                    throw PlatformException.invalid(field.where("operator"), "size applies to list fields only");
                }
                projection.put(name, new Document("$size", new Document("$ifNull", List.of(reference, List.of()))));
            } else if (op.equals("sum")) {
                requireNoValue(value, field);
                projection.put(name, new Document("$sum", reference));
            } else if (ARITHMETIC.containsKey(op)) {
                Object operand = operand(value, op, fields, field);
                projection.put(name, new Document(ARITHMETIC.get(op), List.of(reference, operand)));
            } else {
                throw PlatformException.invalid(
                        field.where("operator"),
                        "unknown operator '" + Keys.shorten(operator)
                                + "'; use size, sum, add, subtract, multiply or divide");
            }
            produced.put(name, FieldType.NUMBER);
        }
        stages.add(new Document("$project", projection));
        return new ProducedFields(produced);
    }

    /** The second operand of an arithmetic projection: a number, or the name of another field. */
    private static Object operand(Object value, String operator, Fields fields, RawObject field) {
        String where = field.where("value");
        if (value == null) {
            throw PlatformException.required(where);
        }
        if (value instanceof String other) {
            return "$" + fields.resolve(other.trim(), where).storedName();
        }
        if (!(value instanceof Number)) {
            throw RawObject.typeError(where, "number or field name");
        }
        Object number = Values.normalizeNumber(value, where);
        if (operator.equals("divide") && ((Number) number).doubleValue() == 0) {
            throw PlatformException.invalid(where, "cannot divide by zero");
        }
        return number;
    }

    private static void requireNoValue(Object value, RawObject field) {
        if (value != null) {
            throw PlatformException.invalid(
                    field.where("value"), "only add, subtract, multiply and divide take a value");
        }
    }

    private static Fields count(Object body, String where, List<Document> stages) {
        RawObject spec = RawObject.of(body, where);
        String name = spec.requiredString("name", "n");
        spec.rejectUnknown();
        Map<String, FieldType> produced = new LinkedHashMap<>();
        name = produce(name, spec.where("name"), produced);
        stages.add(new Document("$count", name));
        produced.put(name, FieldType.NUMBER);
        return new ProducedFields(produced);
    }

    private static Fields limit(Object body, Fields fields, String where, List<Document> stages) {
        long limit = RawObject.wholeNumber(body, where);
        if (limit < 1) {
            throw PlatformException.invalid(where, "must be at least 1");
        }
        stages.add(new Document("$limit", limit));
        return fields;
    }

    private static Fields skip(Object body, Fields fields, String where, List<Document> stages) {
        long skip = RawObject.wholeNumber(body, where);
        if (skip < 0) {
            throw PlatformException.invalid(where, "must not be negative");
        }
        stages.add(new Document("$skip", skip));
        return fields;
    }

    /** A valid, new output name; a dotted key without an explicit name is not one. */
    private static String produce(String name, String where, Map<String, FieldType> produced) {
        Keys.requireSafeName(name, where);
        if (produced.containsKey(name)) {
            throw PlatformException.invalid(where, "name '" + Keys.shorten(name) + "' is used twice");
        }
        return name;
    }

    private static List<?> asList(Object body, String where) {
        if (body == null) {
            throw PlatformException.required(where);
        }
        if (!(body instanceof List<?> list)) {
            throw RawObject.typeError(where, "list");
        }
        return list;
    }
}
