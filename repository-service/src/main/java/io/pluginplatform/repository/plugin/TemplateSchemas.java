package io.pluginplatform.repository.plugin;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a plugin's {@code template}: every {@code schema} found under it (e.g. {@code template.options.schema}) must be
 * a valid JSON Schema (draft 7 meta-schema, bundled, no network), else {@code ERROR_INVALID_TEMPLATE_SCHEMA} naming the
 * path.
 */
@Component
class TemplateSchemas {

    private static final int MAX_DEPTH = 32;

    private final ObjectMapper json;
    private final Schema metaSchema;

    TemplateSchemas(ObjectMapper json) {
        this.json = json;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        this.metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_7.getDialectId()));
    }

    void validate(Map<String, Object> template) {
        if (template != null) {
            walk("template", template, 0);
        }
    }

    private void walk(String path, Object node, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(path, "is nested too deeply");
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String childPath = path + "." + entry.getKey();
                if ("schema".equals(entry.getKey())) {
                    check(childPath, entry.getValue());
                } else {
                    walk(childPath, entry.getValue(), depth + 1);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), depth + 1);
            }
        }
    }

    private void check(String path, Object schema) {
        if (!(schema instanceof Map<?, ?>)) {
            throw invalid(path, "must be a JSON Schema object");
        }
        JsonNode node = json.valueToTree(schema);
        List<Error> errors;
        try {
            errors = metaSchema.validate(node);
        } catch (RuntimeException e) {
            throw invalid(path, "is not a valid JSON Schema");
        }
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String where = first.getInstanceLocation() == null
                    ? ""
                    : first.getInstanceLocation().toString();
            throw invalid(
                    path,
                    "is not a valid JSON Schema at " + (where.isEmpty() ? "$" : where) + ": " + first.getMessage());
        }
    }

    private static PlatformException invalid(String path, String reason) {
        return PlatformException.of(ErrorCode.ERROR_INVALID_TEMPLATE_SCHEMA, "path", path, "reason", reason)
                .withViolation(path, reason);
    }
}
