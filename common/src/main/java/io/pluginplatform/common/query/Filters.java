package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonRegularExpression;
import org.springframework.data.mongodb.core.query.Criteria;

/** The filter part shared by list and stat queries: scope, filter, filter_or and keyword, ANDed. */
final class Filters {

    static final int MAX_KEYWORD_LENGTH = 1024;

    private final ConditionTranslator conditions;

    Filters(ConditionTranslator conditions) {
        this.conditions = conditions;
    }

    ConditionTranslator conditions() {
        return conditions;
    }

    /** scope AND every filter condition AND (any filter_or condition) AND keyword. */
    Criteria combine(
            Criteria scope,
            List<Condition> filter,
            List<Condition> filterOr,
            String keyword,
            FieldCatalogue catalogue,
            String where) {
        Fields fields = catalogue::resolve;
        List<Criteria> parts = new ArrayList<>();
        if (!scope.getCriteriaObject().isEmpty()) {
            parts.add(scope);
        }
        parts.addAll(conditions.translateAll(filter, fields, where + ".filter"));
        List<Criteria> alternatives = conditions.translateAll(filterOr, fields, where + ".filter_or");
        if (alternatives.size() == 1) {
            parts.add(alternatives.get(0));
        } else if (!alternatives.isEmpty()) {
            parts.add(new Criteria().orOperator(alternatives));
        }
        Criteria words = keyword(keyword, catalogue, where + ".keyword");
        if (words != null) {
            parts.add(words);
        }
        return and(parts);
    }

    /**
     * One criteria for all parts: itself when alone, {@code $and} otherwise — never chained {@code .and(key)}, which
     * Spring rejects when two conditions name the same key.
     */
    static Criteria and(List<Criteria> parts) {
        if (parts.isEmpty()) {
            return new Criteria();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Criteria().andOperator(parts);
    }

    /** Matches when any word is a case-insensitive literal substring of any keyword field. */
    private static Criteria keyword(String keyword, FieldCatalogue catalogue, String where) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            throw PlatformException.invalid(where, "keyword is longer than " + MAX_KEYWORD_LENGTH + " characters");
        }
        List<String> keywordFields = catalogue.keywordFields();
        if (keywordFields.isEmpty()) {
            throw PlatformException.invalid(where, "this resource has no keyword fields");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : keyword.trim().split("\\s+")) {
            words.add(SafeRegex.literal(word, where));
        }
        BsonRegularExpression anyWord = new BsonRegularExpression(String.join("|", words), "i");
        List<Criteria> perField = new ArrayList<>();
        for (String field : keywordFields) {
            perField.add(Criteria.where(field).regex(anyWord));
        }
        return perField.size() == 1 ? perField.get(0) : new Criteria().orOperator(perField);
    }
}
