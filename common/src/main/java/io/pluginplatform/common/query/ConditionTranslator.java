package io.pluginplatform.common.query;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonRegularExpression;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Validates one {@link Condition} against the {@link Fields} in scope and turns it into a {@link Criteria}: the key
 * must be queryable, the operator known, the value of the shape the operator expects and convertible to the field's
 * type. Every client mistake is a 400; nothing else escapes.
 */
final class ConditionTranslator {

    private static final Set<FieldType> TEXT = EnumSet.of(FieldType.STRING, FieldType.STRING_LIST, FieldType.ANY);
    private static final Set<FieldType> TIME = EnumSet.of(FieldType.DATETIME, FieldType.ANY);
    private static final Set<FieldType> ELEMENTS = EnumSet.of(FieldType.OBJECT_LIST, FieldType.ANY);
    private static final String CASE_INSENSITIVE = "i";

    private final Clock clock;

    ConditionTranslator(Clock clock) {
        this.clock = clock;
    }

    /** The criteria of every condition of {@code conditions}, in order; {@code where} names the list. */
    List<Criteria> translateAll(List<Condition> conditions, Fields fields, String where) {
        List<Criteria> criteria = new ArrayList<>();
        if (conditions == null) {
            return criteria;
        }
        for (int i = 0; i < conditions.size(); i++) {
            criteria.add(translate(conditions.get(i), fields, where + "[" + i + "]"));
        }
        return criteria;
    }

    Criteria translate(Condition condition, Fields fields, String where) {
        if (condition == null) {
            throw PlatformException.required(where);
        }
        Fields.ResolvedField field = fields.resolve(condition.key(), where + ".key");
        Operator operator = Operator.fromWire(condition.operator());
        if (operator == null) {
            throw PlatformException.invalid(
                    where + ".operator", "unknown operator '" + Keys.shorten(condition.operator()) + "'");
        }
        Object value = condition.value();
        requireShape(operator, value, condition);
        String valueWhere = where + ".value";
        Criteria criteria = Criteria.where(field.storedName());
        FieldType type = field.type();
        return switch (operator) {
            case EQ -> criteria.is(scalar(value, type, valueWhere));
            case NOT -> criteria.ne(scalar(value, type, valueWhere));
            case LT -> criteria.lt(required(scalar(value, type, valueWhere), valueWhere));
            case LTE -> criteria.lte(required(scalar(value, type, valueWhere), valueWhere));
            case GT -> criteria.gt(required(scalar(value, type, valueWhere), valueWhere));
            case GTE -> criteria.gte(required(scalar(value, type, valueWhere), valueWhere));
            case EXISTS -> criteria.exists((Boolean) value);
            case CONTAIN -> criteria.regex(contains(text(value, type, operator, where), valueWhere));
            case NOT_CONTAIN -> criteria.not().regex(contains(text(value, type, operator, where), valueWhere));
            case IN -> criteria.in(elements(value, type, valueWhere));
            case NOT_IN -> criteria.nin(elements(value, type, valueWhere));
            case CONTAIN_IN -> criteria.in(containsAny(value, type, operator, where));
            case NOT_CONTAIN_IN -> criteria.nin(containsAny(value, type, operator, where));
            case MATCH -> criteria.elemMatch(match(value, type, where));
            case REGEX -> criteria.regex(regex(text(value, type, operator, where), valueWhere));
            case REGEX_IN -> criteria.in(regexes(value, type, operator, where));
            case DATETIME_LT -> criteria.lt(datetime(value, type, operator, where));
            case DATETIME_LTE -> criteria.lte(datetime(value, type, operator, where));
            case DATETIME_GT -> criteria.gt(datetime(value, type, operator, where));
            case DATETIME_GTE -> criteria.gte(datetime(value, type, operator, where));
            case TIMEDIFF_LT -> criteria.lt(timediff(value, type, operator, where));
            case TIMEDIFF_LTE -> criteria.lte(timediff(value, type, operator, where));
            case TIMEDIFF_GT -> criteria.gt(timediff(value, type, operator, where));
            case TIMEDIFF_GTE -> criteria.gte(timediff(value, type, operator, where));
        };
    }

    private static void requireShape(Operator operator, Object value, Condition condition) {
        boolean list = value instanceof Collection<?>;
        switch (operator.shape()) {
            case LIST -> {
                if (!list) {
                    throw operatorError(ErrorCode.ERROR_OPERATOR_LIST_VALUE_TYPE, operator, condition);
                }
            }
            case SCALAR -> {
                if (list) {
                    throw operatorError(ErrorCode.ERROR_OPERATOR_VALUE_TYPE, operator, condition);
                }
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw operatorError(ErrorCode.ERROR_OPERATOR_DICT_VALUE_TYPE, operator, condition);
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw operatorError(ErrorCode.ERROR_OPERATOR_BOOLEAN_TYPE, operator, condition);
                }
            }
        }
    }

    private static Object scalar(Object value, FieldType type, String where) {
        return Values.convert(value, type, where);
    }

    private static Object required(Object value, String where) {
        if (value == null) {
            throw PlatformException.required(where);
        }
        return value;
    }

    private static List<Object> elements(Object value, FieldType type, String where) {
        List<Object> converted = new ArrayList<>();
        int i = 0;
        for (Object element : (Collection<?>) value) {
            String elementWhere = where + "[" + i++ + "]";
            if (element instanceof Collection<?>) {
                throw Values.typeError(elementWhere, type);
            }
            converted.add(Values.convert(element, type, elementWhere));
        }
        return converted;
    }

    private static String text(Object value, FieldType type, Operator operator, String where) {
        requireType(type, TEXT, operator, where);
        if (value == null) {
            throw PlatformException.required(where + ".value");
        }
        if (value instanceof Map<?, ?>) {
            throw Values.typeError(where + ".value", FieldType.STRING);
        }
        return Values.text(value, where + ".value");
    }

    private static BsonRegularExpression contains(String text, String where) {
        return new BsonRegularExpression(SafeRegex.literal(text, where), CASE_INSENSITIVE);
    }

    private static BsonRegularExpression regex(String pattern, String where) {
        SafeRegex.check(pattern, where);
        return new BsonRegularExpression(pattern, CASE_INSENSITIVE);
    }

    private static List<Object> containsAny(Object value, FieldType type, Operator operator, String where) {
        requireType(type, TEXT, operator, where);
        List<Object> patterns = new ArrayList<>();
        int i = 0;
        for (Object element : (Collection<?>) value) {
            String elementWhere = where + ".value[" + i++ + "]";
            if (element == null || element instanceof Map<?, ?> || element instanceof Collection<?>) {
                throw Values.typeError(elementWhere, FieldType.STRING);
            }
            patterns.add(contains(Values.text(element, elementWhere), elementWhere));
        }
        return patterns;
    }

    private static List<Object> regexes(Object value, FieldType type, Operator operator, String where) {
        requireType(type, TEXT, operator, where);
        List<Object> patterns = new ArrayList<>();
        int i = 0;
        for (Object element : (Collection<?>) value) {
            String elementWhere = where + ".value[" + i++ + "]";
            if (!(element instanceof String pattern)) {
                throw Values.typeError(elementWhere, FieldType.STRING);
            }
            patterns.add(regex(pattern, elementWhere));
        }
        return patterns;
    }

    private static Criteria match(Object value, FieldType type, String where) {
        requireType(type, ELEMENTS, Operator.MATCH, where);
        Map<?, ?> object = (Map<?, ?>) value;
        if (object.isEmpty()) {
            throw PlatformException.invalid(where + ".value", "match needs at least one key");
        }
        Criteria element = null;
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw PlatformException.invalid(where + ".value", "object keys must be strings");
            }
            String keyWhere = where + ".value." + Keys.shorten(key);
            Keys.requireSafe(key, keyWhere);
            Object plain = Values.plain(entry.getValue(), keyWhere, 1);
            element = element == null
                    ? Criteria.where(key).is(plain)
                    : element.and(key).is(plain);
        }
        return element;
    }

    private static Date datetime(Object value, FieldType type, Operator operator, String where) {
        requireType(type, TIME, operator, where);
        if (!(value instanceof String) && !(value instanceof Date)) {
            throw Values.typeError(where + ".value", FieldType.DATETIME);
        }
        return Values.date(value, where + ".value");
    }

    private Date timediff(Object value, FieldType type, Operator operator, String where) {
        requireType(type, TIME, operator, where);
        if (!(value instanceof String text)) {
            throw Values.typeError(where + ".value", FieldType.STRING);
        }
        return Values.toDate(RelativeTime.resolve(text, clock, where + ".value"), where + ".value");
    }

    private static void requireType(FieldType type, Set<FieldType> allowed, Operator operator, String where) {
        if (!allowed.contains(type)) {
            throw PlatformException.invalid(
                    where + ".operator",
                    "operator " + operator.wireName() + " does not apply to a field of type "
                            + type.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static PlatformException operatorError(ErrorCode code, Operator operator, Condition condition) {
        return PlatformException.of(code, "operator", operator.wireName(), "condition", describe(condition));
    }

    /** The condition as the error message shows it, cut short. */
    static String describe(Condition condition) {
        return "{key=" + Keys.shorten(condition.key()) + ", value=" + Keys.shorten(condition.value()) + ", operator="
                + Keys.shorten(condition.operator()) + "}";
    }
}
