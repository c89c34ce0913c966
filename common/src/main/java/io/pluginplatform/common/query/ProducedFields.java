package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields a stat stage ({@code group}, {@code project}, {@code count}) leaves for the stages after it. */
final class ProducedFields implements Fields {

    private final Map<String, FieldType> names;

    ProducedFields(Map<String, FieldType> names) {
        this.names = new LinkedHashMap<>(names);
    }

    @Override
    public ResolvedField resolve(String key, String where) {
        Keys.requireSafe(key, where);
        FieldType type = names.get(key);
        if (type != null) {
            return new ResolvedField(key, type);
        }
        int dot = key.lastIndexOf('.');
        while (dot > 0) {
            FieldType prefix = names.get(key.substring(0, dot));
            if (prefix != null) {
                if (prefix.allowsNestedKeys()) {
                    return new ResolvedField(key, FieldType.ANY);
                }
                break;
            }
            dot = key.lastIndexOf('.', dot - 1);
        }
        throw PlatformException.invalid(
                where,
                "'" + Keys.shorten(key) + "' is not a field at this stage of the pipeline (fields: "
                        + Keys.shorten(String.join(", ", names.keySet())) + ")");
    }
}
