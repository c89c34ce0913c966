package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.PLUGINS;
import static io.pluginplatform.common.query.Catalogues.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;

class QueryTranslatorTest {

    private final QueryTranslator translator = new QueryTranslator(CLOCK);

    private MongoQuery translate(Query query) {
        return translator.translate(query, PLUGINS, new Criteria());
    }

    private Document filter(Condition... conditions) {
        return translate(new Query(Arrays.asList(conditions), null, null, null, null, null, null, null))
                .query()
                .getQueryObject();
    }

    private static Query withFilter(Condition... conditions) {
        return new Query(Arrays.asList(conditions), null, null, null, null, null, null, null);
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }

    private static BsonRegularExpression regex(String pattern) {
        return new BsonRegularExpression(pattern, "i");
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }

    // operators

    @Test
    void eqMatchesTheValue() {
        assertThat(filter(new Condition("name", "jira", "eq"))).isEqualTo(doc("name", "jira"));
    }

    @Test
    void missingOperatorMeansEq() {
        assertThat(filter(new Condition("name", "jira", null))).isEqualTo(doc("name", "jira"));
    }

    @Test
    void operatorNamesAreCaseInsensitive() {
        assertThat(filter(new Condition("name", "jira", " EQ "))).isEqualTo(doc("name", "jira"));
    }

    @Test
    void eqWithNullMatchesNullOrMissing() {
        assertThat(filter(new Condition("provider", null, "eq"))).isEqualTo(doc("provider", null));
    }

    @Test
    void notIsNotEqual() {
        assertThat(filter(new Condition("state", "DISABLED", "not"))).isEqualTo(doc("state", doc("$ne", "DISABLED")));
    }

    @Test
    void comparisonsConvertToTheFieldType() {
        assertThat(filter(new Condition("size", "10", "lt"))).isEqualTo(doc("size", doc("$lt", 10L)));
        assertThat(filter(new Condition("size", 10, "lte"))).isEqualTo(doc("size", doc("$lte", 10L)));
        assertThat(filter(new Condition("size", "2.5", "gt"))).isEqualTo(doc("size", doc("$gt", 2.5)));
        assertThat(filter(new Condition("size", 2.5, "gte"))).isEqualTo(doc("size", doc("$gte", 2.5)));
    }

    @Test
    void aStringNumberBecomesANumber() {
        assertThat(filter(new Condition("size", "5", "eq"))).isEqualTo(doc("size", 5L));
    }

    @Test
    void aStringBooleanBecomesABoolean() {
        assertThat(filter(new Condition("enabled", "true", "eq"))).isEqualTo(doc("enabled", true));
    }

    @Test
    void aNumberAgainstAStringFieldBecomesText() {
        assertThat(filter(new Condition("name", 42, "eq"))).isEqualTo(doc("name", "42"));
    }

    @Test
    void anIsoTimestampAgainstADatetimeFieldBecomesADate() {
        assertThat(filter(new Condition("created_at", "2022-01-01T08:02:38.094Z", "eq")))
                .isEqualTo(doc("created_at", date("2022-01-01T08:02:38.094Z")));
        assertThat(filter(new Condition("created_at", "2022-01-01T09:02:38+01:00", "lt")))
                .isEqualTo(doc("created_at", doc("$lt", date("2022-01-01T08:02:38Z"))));
        assertThat(filter(new Condition("created_at", "2022-01-01", "gte")))
                .isEqualTo(doc("created_at", doc("$gte", date("2022-01-01T00:00:00Z"))));
    }

    @Test
    void existsTakesABoolean() {
        assertThat(filter(new Condition("tags.icon", true, "exists")))
                .isEqualTo(doc("tags.icon", doc("$exists", true)));
        assertThat(filter(new Condition("provider", false, "exists")))
                .isEqualTo(doc("provider", doc("$exists", false)));
    }

    @Test
    void containIsACaseInsensitiveLiteralSubstring() {
        assertThat(filter(new Condition("name", "ji.ra(", "contain"))).isEqualTo(doc("name", regex("ji\\.ra\\(")));
    }

    @Test
    void notContainNegatesTheSubstringMatch() {
        assertThat(filter(new Condition("name", "jira", "not_contain")))
                .isEqualTo(doc("name", doc("$not", regex("jira"))));
    }

    @Test
    void inAndNotInTakeLists() {
        assertThat(filter(new Condition("provider", List.of("aws", "gcp"), "in")))
                .isEqualTo(doc("provider", doc("$in", List.of("aws", "gcp"))));
        assertThat(filter(new Condition("size", List.of("1", 2), "not_in")))
                .isEqualTo(doc("size", doc("$nin", List.of(1L, 2L))));
    }

    @Test
    void containInMatchesAnyLiteralSubstring() {
        assertThat(filter(new Condition("labels", List.of("a*", "b"), "contain_in")))
                .isEqualTo(doc("labels", doc("$in", List.of(regex("a\\*"), regex("b")))));
    }

    @Test
    void notContainInMatchesNoneOfTheSubstrings() {
        assertThat(filter(new Condition("name", List.of("x", "y"), "not_contain_in")))
                .isEqualTo(doc("name", doc("$nin", List.of(regex("x"), regex("y")))));
    }

    @Test
    void matchIsAnElementMatchOnAListOfObjects() {
        assertThat(filter(new Condition("endpoints", Map.of("region", "eu"), "match")))
                .isEqualTo(doc("endpoints", doc("$elemMatch", doc("region", "eu"))));
    }

    @Test
    void regexIsCaseInsensitive() {
        assertThat(filter(new Condition("name", "^jira-[a-z]+$", "regex")))
                .isEqualTo(doc("name", regex("^jira-[a-z]+$")));
    }

    @Test
    void regexInMatchesAnyPattern() {
        assertThat(filter(new Condition("name", List.of("^a", "b$"), "regex_in")))
                .isEqualTo(doc("name", doc("$in", List.of(regex("^a"), regex("b$")))));
    }

    @Test
    void datetimeOperatorsCompareTimestamps() {
        String t = "2024-01-01T00:00:00.000Z";
        assertThat(filter(new Condition("created_at", t, "datetime_gt")))
                .isEqualTo(doc("created_at", doc("$gt", date(t))));
        assertThat(filter(new Condition("created_at", t, "datetime_gte")))
                .isEqualTo(doc("created_at", doc("$gte", date(t))));
        assertThat(filter(new Condition("created_at", t, "datetime_lt")))
                .isEqualTo(doc("created_at", doc("$lt", date(t))));
        assertThat(filter(new Condition("created_at", t, "datetime_lte")))
                .isEqualTo(doc("created_at", doc("$lte", date(t))));
    }

    @Test
    void timediffOperatorsCompareWithTimeRelativeToTheClock() {
        assertThat(filter(new Condition("created_at", "now/d - 7d", "timediff_gte")))
                .isEqualTo(doc("created_at", doc("$gte", date("2024-05-08T00:00:00Z"))));
        assertThat(filter(new Condition("created_at", "now", "timediff_lt")))
                .isEqualTo(doc("created_at", doc("$lt", date("2024-05-15T10:30:00Z"))));
        assertThat(filter(new Condition("updated_at", "now-1h", "timediff_gt")))
                .isEqualTo(doc("updated_at", doc("$gt", date("2024-05-15T09:30:00Z"))));
        assertThat(filter(new Condition("updated_at", "now/m", "timediff_lte")))
                .isEqualTo(doc("updated_at", doc("$lte", date("2024-05-01T00:00:00Z"))));
    }

    // combining

    @Test
    void twoConditionsOnTheSameKeyAreBothApplied() {
        assertThat(filter(new Condition("size", 1, "gt"), new Condition("size", 10, "lt")))
                .isEqualTo(doc("$and", List.of(doc("size", doc("$gt", 1L)), doc("size", doc("$lt", 10L)))));
    }

    @Test
    void theScopeIsAlwaysAndedFirst() {
        MongoQuery query = translator.translate(
                withFilter(new Condition("name", "x", "eq")),
                PLUGINS,
                Criteria.where("domain_id").is("domain-1"));

        assertThat(query.query().getQueryObject())
                .isEqualTo(doc("$and", List.of(doc("domain_id", "domain-1"), doc("name", "x"))));
    }

    @Test
    void aConditionOnTheScopeKeyCannotWidenTheScope() {
        FieldCatalogue withDomain =
                FieldCatalogue.builder().field("domain_id", FieldType.STRING).build();
        MongoQuery query = translator.translate(
                withFilter(new Condition("domain_id", "domain-2", "eq")),
                withDomain,
                Criteria.where("domain_id").is("domain-1"));

        assertThat(query.query().getQueryObject())
                .isEqualTo(doc("$and", List.of(doc("domain_id", "domain-1"), doc("domain_id", "domain-2"))));
    }

    @Test
    void theScopeAloneIsTheFilterOfAnEmptyQuery() {
        MongoQuery query =
                translator.translate(null, PLUGINS, Criteria.where("domain_id").is("d"));

        assertThat(query.query().getQueryObject()).isEqualTo(doc("domain_id", "d"));
    }

    @Test
    void filterOrIsAnOrGroupAndedWithTheFilter() {
        Query query = new Query(
                List.of(new Condition("state", "ENABLED", "eq")),
                List.of(new Condition("provider", "aws", "eq"), new Condition("provider", "gcp", "eq")),
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(translate(query).query().getQueryObject())
                .isEqualTo(doc(
                        "$and",
                        List.of(
                                doc("state", "ENABLED"),
                                doc("$or", List.of(doc("provider", "aws"), doc("provider", "gcp"))))));
    }

    @Test
    void keywordMatchesAnyWordInAnyKeywordField() {
        Query query = new Query(null, null, null, null, null, null, null, "  jira  sl.ack ");
        BsonRegularExpression words = regex("jira|sl\\.ack");

        assertThat(translate(query).query().getQueryObject())
                .isEqualTo(doc(
                        "$or",
                        List.of(
                                doc("plugin_id", words),
                                doc("name", words),
                                doc("provider", words),
                                doc("service_type", words),
                                doc("labels", words))));
    }

    @Test
    void keywordIsAndedWithTheFilter() {
        Query query =
                new Query(List.of(new Condition("state", "ENABLED", null)), null, null, null, null, null, null, "x");

        Document filter = translate(query).query().getQueryObject();

        assertThat(filter.getList("$and", Document.class)).hasSize(2);
        assertThat(filter.getList("$and", Document.class).get(0)).isEqualTo(doc("state", "ENABLED"));
    }

    @Test
    void aBlankKeywordIsIgnored() {
        Query query = new Query(null, null, null, null, null, null, null, "   ");

        assertThat(translate(query).query().getQueryObject()).isEmpty();
    }

    @Test
    void aKeywordOverTheLengthLimitIsRejected() {
        Query query = new Query(null, null, null, null, null, null, null, "a".repeat(1025));

        assertRejected(() -> translate(query), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    // sort and paging

    @Test
    void sortAppliesTheKeysInOrderThenTheIdTieBreak() {
        Query query = new Query(
                null,
                null,
                List.of(SortKey.desc("created_at"), new SortKey("name", null)),
                null,
                null,
                null,
                null,
                null);

        MongoQuery translated = translate(query);

        assertThat(translated.query().getSortObject())
                .isEqualTo(new Document("created_at", -1).append("name", 1).append("_id", 1));
        assertThat(translated.sort())
                .containsExactly(SortKey.desc("created_at"), SortKey.asc("name"), SortKey.asc("_id"));
    }

    @Test
    void withoutSortTheIdTieBreakStillApplies() {
        assertThat(translate(Query.empty()).query().getSortObject()).isEqualTo(new Document("_id", 1));
    }

    @Test
    void aRepeatedSortKeyKeepsItsFirstDirection() {
        Query query =
                new Query(null, null, List.of(SortKey.desc("name"), SortKey.asc("name")), null, null, null, null, null);

        assertThat(translate(query).query().getSortObject()).isEqualTo(new Document("name", -1).append("_id", 1));
    }

    @Test
    void sortingByAnUndeclaredKeyIsRejected() {
        Query query = new Query(null, null, List.of(SortKey.asc("secret")), null, null, null, null, null);

        assertRejected(() -> translate(query), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void theDefaultPageIsTheFirstHundred() {
        MongoQuery translated = translate(Query.empty());

        assertThat(translated.query().getSkip()).isZero();
        assertThat(translated.query().getLimit()).isEqualTo(100);
        assertThat(translated.returnsDocuments()).isTrue();
    }

    @Test
    void startIsAOneBasedItemOffset() {
        MongoQuery translated = translate(Query.empty().withPage(new Page(11, 10)));

        assertThat(translated.query().getSkip()).isEqualTo(10);
        assertThat(translated.query().getLimit()).isEqualTo(10);
    }

    @Test
    void aLimitOfAThousandIsAccepted() {
        assertThat(translate(Query.empty().withPage(new Page(1, 1000))).limit()).isEqualTo(1000);
    }

    @Test
    void aLimitOverAThousandIsRejectedWith400() {
        assertRejected(() -> translate(Query.empty().withPage(new Page(1, 1001))), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertRejected(() -> translate(Query.empty().withPage(new Page(1, -1))), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aStartBelowOneIsRejected() {
        assertRejected(() -> translate(Query.empty().withPage(new Page(0, 10))), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aLimitOfZeroOnlyCounts() {
        assertThat(translate(Query.empty().withPage(new Page(null, 0))).returnsDocuments())
                .isFalse();
    }

    @Test
    void countOnlyReturnsNoDocuments() {
        Query query = new Query(null, null, null, null, null, null, true, null);

        assertThat(translate(query).returnsDocuments()).isFalse();
    }

    @Test
    void theCountQueryIgnoresThePageButKeepsTheTimeLimit() {
        Query query = new Query(
                List.of(new Condition("name", "x", null)), null, null, new Page(5, 5), null, null, null, null);

        var count = translate(query).countQuery();

        assertThat(count.getQueryObject()).isEqualTo(doc("name", "x"));
        assertThat(count.getSkip()).isZero();
        assertThat(count.isLimited()).isFalse();
        assertThat(count.getMeta().getMaxTimeMsec()).isEqualTo(5000L);
    }

    @Test
    void withPagingChangesOnlyThePage() {
        MongoQuery translated =
                translate(Query.empty().withPage(new Page(21, 10))).withPaging(0, 30);

        assertThat(translated.query().getSkip()).isZero();
        assertThat(translated.query().getLimit()).isEqualTo(30);
        assertThat(translated.query().getSortObject()).isEqualTo(new Document("_id", 1));
    }

    @Test
    void everyQueryCarriesTheDefaultTimeLimit() {
        assertThat(translate(Query.empty()).query().getMeta().getMaxTimeMsec()).isEqualTo(5000L);
    }

    @Test
    void theTimeLimitIsConfigurable() {
        QueryTranslator custom = new QueryTranslator(CLOCK, Duration.ofMillis(1234));

        assertThat(custom.translate(null, PLUGINS, new Criteria())
                        .query()
                        .getMeta()
                        .getMaxTimeMsec())
                .isEqualTo(1234L);
    }

    // projection

    @Test
    void onlyReturnsTheFieldsPlusTheSortKeys() {
        Query query =
                new Query(null, null, List.of(SortKey.desc("created_at")), null, List.of("name"), null, null, null);

        assertThat(translate(query).query().getFieldsObject())
                .isEqualTo(new Document("name", 1).append("created_at", 1));
    }

    @Test
    void minimalReturnsTheMinimalFieldSet() {
        Query query = new Query(null, null, null, null, null, true, null, null);

        assertThat(translate(query).query().getFieldsObject().keySet())
                .containsExactlyInAnyOrder(
                        "plugin_id", "name", "state", "image", "registry_type", "service_type", "provider");
    }

    @Test
    void onlyAcceptsNestedKeysBelowMapsAndDropsCoveredPaths() {
        Query query = new Query(null, null, null, null, List.of("tags.icon", "tags", "capability.x"), null, null, null);

        assertThat(translate(query).query().getFieldsObject())
                .isEqualTo(new Document("tags", 1).append("capability.x", 1));
    }

    @Test
    void withoutOnlyOrMinimalEveryFieldIsReturned() {
        assertThat(translate(Query.empty()).query().getFieldsObject()).isEmpty();
    }

    @Test
    void onlyWithAnUndeclaredFieldIsRejected() {
        Query query = new Query(null, null, null, null, List.of("token"), null, null, null);

        assertRejected(() -> translate(query), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    // keys

    @Test
    void nestedKeysAreAllowedBelowMaps() {
        assertThat(filter(new Condition("capability.supported_schema", "x", "eq")))
                .isEqualTo(doc("capability.supported_schema", "x"));
        assertThat(filter(new Condition("endpoints.region", "eu", "eq"))).isEqualTo(doc("endpoints.region", "eu"));
    }

    @Test
    void aliasesMapApiNamesToStoredNames() {
        FieldCatalogue aliased = FieldCatalogue.builder()
                .field("id", FieldType.STRING)
                .field("meta", FieldType.MAP)
                .alias("id", "plugin_id")
                .alias("meta", "metadata")
                .keywordFields("id")
                .build();

        MongoQuery query = translator.translate(
                new Query(
                        List.of(new Condition("id", "x", null), new Condition("meta.a", 1, null)),
                        null,
                        List.of(SortKey.asc("id")),
                        null,
                        List.of("id"),
                        null,
                        null,
                        null),
                aliased,
                new Criteria());

        assertThat(query.query().getQueryObject())
                .isEqualTo(doc("$and", List.of(doc("plugin_id", "x"), doc("metadata.a", 1L))));
        assertThat(query.query().getSortObject()).isEqualTo(new Document("plugin_id", 1).append("_id", 1));
        assertThat(query.query().getFieldsObject()).isEqualTo(new Document("plugin_id", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where", "$function", "$expr", "name.$gt", "tags.$where", "na$me", "$or"})
    void keysWithADollarAreRejectedWith400(String key) {
        assertRejected(() -> filter(new Condition(key, "1", "eq")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "_id", "name.first", "tags..icon", "tags.", ".name", "domain_id"})
    void undeclaredOrMalformedKeysAreRejectedWith400(String key) {
        assertRejected(() -> filter(new Condition(key, "1", "eq")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aMissingKeyIsRequired() {
        assertRejected(() -> filter(new Condition(null, "1", "eq")), ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    @Test
    void aNullConditionIsRequired() {
        assertRejected(() -> filter((Condition) null), ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    // values and operators

    @Test
    void unknownOperatorIsRejectedWith400() {
        assertRejected(() -> filter(new Condition("name", "x", "like")), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> filter(new Condition("name", "x", "$where")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in", "not_in", "contain_in", "not_contain_in", "regex_in"})
    void listOperatorsRejectANonList(String operator) {
        assertRejected(() -> filter(new Condition("name", "x", operator)), ErrorCode.ERROR_OPERATOR_LIST_VALUE_TYPE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eq",
                "not",
                "lt",
                "lte",
                "gt",
                "gte",
                "contain",
                "not_contain",
                "regex",
                "datetime_gt",
                "timediff_lt"
            })
    void scalarOperatorsRejectAList(String operator) {
        assertRejected(
                () -> filter(new Condition("created_at", List.of("x"), operator)), ErrorCode.ERROR_OPERATOR_VALUE_TYPE);
    }

    @Test
    void matchRejectsANonObject() {
        assertRejected(
                () -> filter(new Condition("endpoints", "eu", "match")), ErrorCode.ERROR_OPERATOR_DICT_VALUE_TYPE);
        assertRejected(
                () -> filter(new Condition("endpoints", List.of(), "match")), ErrorCode.ERROR_OPERATOR_DICT_VALUE_TYPE);
    }

    @Test
    void existsRejectsANonBoolean() {
        assertRejected(() -> filter(new Condition("name", "yes", "exists")), ErrorCode.ERROR_OPERATOR_BOOLEAN_TYPE);
        assertRejected(() -> filter(new Condition("name", null, "exists")), ErrorCode.ERROR_OPERATOR_BOOLEAN_TYPE);
    }

    @Test
    void unconvertibleValuesAreRejected() {
        assertRejected(() -> filter(new Condition("size", "five", "eq")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> filter(new Condition("size", "NaN", "eq")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> filter(new Condition("size", true, "eq")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> filter(new Condition("enabled", "maybe", "eq")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(
                () -> filter(new Condition("created_at", "yesterday", "eq")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(
                () -> filter(new Condition("created_at", "2024-13-45", "datetime_gt")),
                ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> filter(new Condition("size", List.of("x"), "in")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
    }

    @Test
    void anObjectValueForAScalarFieldIsRejected() {
        assertRejected(
                () -> filter(new Condition("name", Map.of("$where", "sleep(10000)"), "eq")),
                ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(
                () -> filter(new Condition("name", Map.of("$gt", ""), "not")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
    }

    @Test
    void anObjectValueWithOperatorKeysIsRejectedEvenForMaps() {
        assertRejected(
                () -> filter(new Condition("tags", Map.of("$where", "sleep(10000)"), "eq")),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("tags", Map.of("a", Map.of("$function", "x")), "eq")),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("endpoints", Map.of("$where", "1"), "match")),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("endpoints", Map.of("port", Map.of("$gt", 1)), "match")),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aPlainObjectValueForAMapIsExactEquality() {
        assertThat(filter(new Condition("tags", Map.of("icon", "x"), "eq"))).isEqualTo(doc("tags", doc("icon", "x")));
    }

    @Test
    void comparisonsNeedAValue() {
        assertRejected(() -> filter(new Condition("size", null, "gt")), ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(() -> filter(new Condition("name", null, "contain")), ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    @Test
    void textOperatorsApplyOnlyToTextFields() {
        assertRejected(() -> filter(new Condition("size", "1", "contain")), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> filter(new Condition("created_at", "^2", "regex")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void matchAppliesOnlyToListsOfObjects() {
        assertRejected(() -> filter(new Condition("name", Map.of("a", 1), "match")), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> filter(new Condition("endpoints", Map.of(), "match")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void timeOperatorsApplyOnlyToTimestamps() {
        assertRejected(
                () -> filter(new Condition("name", "2024-01-01T00:00:00Z", "datetime_gt")),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> filter(new Condition("size", "now", "timediff_gt")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aMalformedRelativeTimeIsRejected() {
        assertRejected(
                () -> filter(new Condition("created_at", "yesterday", "timediff_gt")),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("created_at", 5, "timediff_gt")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a*)*", "(a|b+)*", "(x+x+)+y", "(.*a){20}", "(\\w+)\\1", "(?=a)a", "(?<!a)b"})
    void regexBombsAreRejected(String pattern) {
        assertRejected(() -> filter(new Condition("name", pattern, "regex")), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("name", List.of("ok", pattern), "regex_in")),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void anInvalidOrLongRegexIsRejected() {
        assertRejected(() -> filter(new Condition("name", "(unclosed", "regex")), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> filter(new Condition("name", "a".repeat(257), "regex")), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void numbersAreNormalisedToLongOrDouble() {
        assertThat(filter(new Condition("size", new java.math.BigInteger("12345678901234567890"), "eq")))
                .isEqualTo(doc("size", 1.2345678901234567e19));
        assertThat(filter(new Condition("size", new java.math.BigDecimal("1.5"), "eq")))
                .isEqualTo(doc("size", 1.5));
        assertThat(filter(new Condition("size", "-7", "eq"))).isEqualTo(doc("size", -7L));
        assertThat(filter(new Condition("size", "1e3", "eq"))).isEqualTo(doc("size", 1000.0));
    }
}
