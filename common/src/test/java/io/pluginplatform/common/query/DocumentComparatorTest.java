package io.pluginplatform.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DocumentComparatorTest {

    private static Map<String, Object> doc(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> sortedValues(List<SortKey> keys, List<Map<String, Object>> documents) {
        List<Map<String, Object>> sorted = new ArrayList<>(documents);
        sorted.sort(DocumentComparator.of(keys));
        return sorted.stream().map(d -> d.get("id")).toList();
    }

    @Test
    void missingAndNullSortFirstAscendingAndLastDescending() {
        List<Map<String, Object>> documents =
                List.of(doc("id", 1, "v", "b"), doc("id", 2), doc("id", 3, "v", null), doc("id", 4, "v", "a"));

        assertThat(sortedValues(List.of(SortKey.asc("v")), documents)).containsExactly(2, 3, 4, 1);
        assertThat(sortedValues(List.of(SortKey.desc("v")), documents)).containsExactly(1, 4, 2, 3);
    }

    @Test
    void typesFollowMongoDbsOrder() {
        Date date = Date.from(Instant.parse("2024-01-01T00:00:00Z"));
        ObjectId objectId = new ObjectId();
        List<Map<String, Object>> documents = List.of(
                doc("id", "date", "v", date),
                doc("id", "boolean", "v", true),
                doc("id", "objectId", "v", objectId),
                doc("id", "object", "v", doc("a", 1)),
                doc("id", "string", "v", "x"),
                doc("id", "number", "v", 5),
                doc("id", "null", "v", null));

        assertThat(sortedValues(List.of(SortKey.asc("v")), documents))
                .containsExactly("null", "number", "string", "object", "objectId", "boolean", "date");
    }

    @Test
    void numbersCompareByValueAcrossJavaTypes() {
        List<Map<String, Object>> documents = List.of(
                doc("id", "long", "v", 3L),
                doc("id", "double", "v", 2.5),
                doc("id", "int", "v", 2),
                doc("id", "big", "v", new java.math.BigDecimal("10")),
                doc("id", "nan", "v", Double.NaN),
                doc("id", "huge", "v", Double.POSITIVE_INFINITY));

        assertThat(sortedValues(List.of(SortKey.asc("v")), documents))
                .containsExactly("nan", "int", "double", "long", "big", "huge");
    }

    @Test
    void stringsCompareByCodePointLikeMongoDb() {
        List<Map<String, Object>> documents = List.of(
                doc("id", 1, "v", "b"),
                doc("id", 2, "v", "B"),
                doc("id", 3, "v", "\uD83D\uDE00"),
                doc("id", 4, "v", "\uFFFD"));

        assertThat(sortedValues(List.of(SortKey.asc("v")), documents)).containsExactly(2, 1, 4, 3);
    }

    @Test
    void datesAndBooleansCompareByValue() {
        Date early = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
        Date late = Date.from(Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(DocumentComparator.compareValues(early, late)).isNegative();
        assertThat(DocumentComparator.compareValues(Instant.parse("2024-01-01T00:00:00Z"), late))
                .isZero();
        assertThat(DocumentComparator.compareValues(false, true)).isNegative();
    }

    @Test
    void laterKeysBreakTies() {
        List<Map<String, Object>> documents =
                List.of(doc("id", 1, "a", "x", "b", 2), doc("id", 2, "a", "x", "b", 1), doc("id", 3, "a", "w", "b", 9));

        assertThat(sortedValues(List.of(SortKey.asc("a"), SortKey.desc("b")), documents))
                .containsExactly(3, 1, 2);
    }

    @Test
    void nestedKeysAreFollowed() {
        List<Map<String, Object>> documents =
                List.of(doc("id", 1, "tags", doc("icon", "z")), doc("id", 2, "tags", doc("icon", "a")), doc("id", 3));

        assertThat(sortedValues(List.of(SortKey.asc("tags.icon")), documents)).containsExactly(3, 2, 1);
    }

    @Test
    void arraysSortByTheirSmallestElementAscendingAndLargestDescending() {
        List<Map<String, Object>> documents = List.of(
                doc("id", 1, "v", List.of(5, 1)),
                doc("id", 2, "v", List.of(3)),
                doc("id", 3, "v", List.of(9, 2)),
                doc("id", 4, "v", List.of()));

        assertThat(sortedValues(List.of(SortKey.asc("v")), documents)).containsExactly(4, 1, 3, 2);
        assertThat(sortedValues(List.of(SortKey.desc("v")), documents)).containsExactly(3, 1, 2, 4);
    }

    @Test
    void keysThroughListsOfObjectsUseEveryElement() {
        List<Map<String, Object>> documents = List.of(
                doc("id", 1, "e", List.of(doc("p", 80), doc("p", 443))), doc("id", 2, "e", List.of(doc("p", 22))));

        assertThat(sortedValues(List.of(SortKey.asc("e.p")), documents)).containsExactly(2, 1);
        assertThat(sortedValues(List.of(SortKey.desc("e.p")), documents)).containsExactly(1, 2);
    }

    @Test
    void withoutKeysEveryDocumentIsEqual() {
        assertThat(DocumentComparator.of(null).compare(doc("a", 1), doc("a", 2)))
                .isZero();
    }
}
