package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a resource lets clients query: its fields and their types, the fields {@code keyword} searches, the minimal
 * field set, and optional aliases from an API name to a different stored name (API names equal the stored snake_case
 * names today). Nested keys are allowed only below maps and lists of objects. Immutable; build it once per resource.
 */
public final class FieldCatalogue {

    private final Map<String, FieldType> fields;
    private final Map<String, String> aliases;
    private final List<String> keywordFields;
    private final List<String> minimalFields;

    private FieldCatalogue(Builder builder) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(builder.aliases));
        this.keywordFields = List.copyOf(builder.keywordFields);
        this.minimalFields = List.copyOf(builder.minimalFields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The declared fields by API name, in declaration order. */
    public Map<String, FieldType> fields() {
        return fields;
    }

    /** The stored names of the fields {@code keyword} searches. */
    public List<String> keywordFields() {
        return keywordFields.stream().map(this::storedName).toList();
    }

    /** The stored names of the minimal field set. */
    public List<String> minimalFields() {
        return minimalFields.stream().map(this::storedName).toList();
    }

    /** The stored name of a declared API field name (itself unless an alias is declared). */
    public String storedName(String apiName) {
        return aliases.getOrDefault(apiName, apiName);
    }

    /** Resolves an API key: a declared field, or a nested key below a declared map or list of objects. */
    Fields.ResolvedField resolve(String key, String where) {
        Keys.requireSafe(key, where);
        FieldType declared = fields.get(key);
        if (declared != null) {
            return new Fields.ResolvedField(storedName(key), declared);
        }
        int dot = key.lastIndexOf('.');
        while (dot > 0) {
            String prefix = key.substring(0, dot);
            FieldType type = fields.get(prefix);
            if (type != null) {
                if (!type.allowsNestedKeys()) {
                    break;
                }
                return new Fields.ResolvedField(storedName(prefix) + key.substring(dot), FieldType.ANY);
            }
            dot = prefix.lastIndexOf('.');
        }
        throw PlatformException.invalid(where, "'" + Keys.shorten(key) + "' is not a queryable field");
    }

    /** Builds a catalogue; every name a later call refers to must have been declared with {@link #field}. */
    public static final class Builder {

        private final Map<String, FieldType> fields = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Set<String> keywordFields = new LinkedHashSet<>();
        private final Set<String> minimalFields = new LinkedHashSet<>();

        private Builder() {}

        /** Declares a queryable field; a dotted name declares a typed nested field ({@code capability.version}). */
        public Builder field(String name, FieldType type) {
            if (name == null || name.isEmpty() || name.contains("$") || type == null) {
                throw new IllegalArgumentException("invalid field declaration: " + name);
            }
            fields.put(name, type);
            return this;
        }

        /** Declares that the API name {@code apiName} (already declared) is stored as {@code storedName}. */
        public Builder alias(String apiName, String storedName) {
            requireDeclared(apiName);
            if (storedName == null || storedName.isEmpty() || storedName.contains("$")) {
                throw new IllegalArgumentException("invalid stored name: " + storedName);
            }
            aliases.put(apiName, storedName);
            return this;
        }

        /** The fields {@code keyword} searches (strings or lists of strings). */
        public Builder keywordFields(String... names) {
            for (String name : names) {
                requireDeclared(name);
                keywordFields.add(name);
            }
            return this;
        }

        /** The fields {@code minimal} returns. */
        public Builder minimalFields(String... names) {
            for (String name : names) {
                requireDeclared(name);
                minimalFields.add(name);
            }
            return this;
        }

        public FieldCatalogue build() {
            return new FieldCatalogue(this);
        }

        private void requireDeclared(String name) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("field not declared: " + name);
            }
        }
    }

    @Override
    public String toString() {
        return "FieldCatalogue" + new ArrayList<>(fields.keySet());
    }
}
