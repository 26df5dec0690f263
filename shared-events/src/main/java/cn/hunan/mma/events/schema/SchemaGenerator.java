package cn.hunan.mma.events.schema;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.Presence;
import cn.hunan.mma.events.registry.EventTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a JSON Schema (draft 2020-12) for each registered record type by reflection over its
 * components, so the committed schemas cannot drift from the records: {@code SchemaFilesTest}
 * fails when they differ. Value types contribute their {@code PATTERN}; enums their JSON values;
 * nested records and value types go to {@code $defs}.
 */
public final class SchemaGenerator {

    public static final String REGENERATE_COMMAND =
            "./mvnw -o -q -pl shared-events test -Dtest=SchemaFilesTest -Dschemas.regenerate=true";
    public static final String SCHEMA_ID_BASE = "https://schemas.mma.hunan.cn/events/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALUE_PACKAGE = "cn.hunan.mma.events.value";

    private final ObjectMapper mapper;

    /** @param mapper the contract mapper: enum constants are written exactly as the codec writes them */
    public SchemaGenerator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** File name ("InpatientDischarged.schema.json") → file content, for every registered type. */
    public Map<String, String> generateAll() {
        Map<String, String> files = new LinkedHashMap<>();
        EventTypes.all().forEach((name, type) -> files.put(fileName(name), render(schemaFor(name, type))));
        return files;
    }

    public static String fileName(String typeName) {
        return typeName + ".schema.json";
    }

    public ObjectNode schemaFor(String typeName, Class<? extends ContractRecord> type) {
        Definitions defs = new Definitions();
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", SCHEMA_ID_BASE + fileName(typeName));
        schema.put("$comment", "generated — do not edit; regenerate with " + REGENERATE_COMMAND);
        schema.put("title", typeName);
        ObjectNode body = objectSchema(type, defs);
        ObjectNode properties = NODES.objectNode();
        properties.set(ContractRecord.TYPE_PROPERTY, NODES.objectNode().put("const", typeName));
        properties.setAll((ObjectNode) body.get("properties"));
        ArrayNode required = NODES.arrayNode().add(ContractRecord.TYPE_PROPERTY);
        required.addAll((ArrayNode) body.get("required"));
        schema.put("type", "object");
        schema.set("properties", properties);
        schema.set("required", required);
        if (!defs.schemas.isEmpty()) {
            ObjectNode defsNode = schema.putObject("$defs");
            defs.schemas.forEach(defsNode::set);
        }
        return schema;
    }

    /** Pretty JSON with two-space indents, "key": value, and a final newline; stable across runs. */
    public String render(ObjectNode schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode objectSchema(Class<?> recordType, Definitions defs) {
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : recordType.getRecordComponents()) {
            ObjectNode property = schemaOf(component.getGenericType(), defs);
            Bounds bounds = component.getAnnotation(Bounds.class);
            if (bounds != null) {
                bounded(property, bounds, recordType.getSimpleName() + "." + component.getName());
            }
            properties.set(component.getName(), property);
            if (Presence.isRequired(component)) {
                required.add(component.getName());
            }
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.set("properties", properties);
        schema.set("required", required);
        return schema;
    }

    /** An integer's own range in place of a count's (at least 0). */
    private static void bounded(ObjectNode property, Bounds bounds, String component) {
        if (!"integer".equals(property.path("type").asText())) {
            throw new IllegalStateException(component + ": @Bounds is for integer components");
        }
        property.put("minimum", bounds.min());
        if (bounds.max() != Long.MAX_VALUE) {
            property.put("maximum", bounds.max());
        }
    }

    private ObjectNode schemaOf(Type type, Definitions defs) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", schemaOf(parameterized.getActualTypeArguments()[0], defs));
            return array;
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("no schema rule for " + type);
        }
        if (raw == String.class) {
            return NODES.objectNode().put("type", "string").put("minLength", 1);
        }
        if (raw == int.class || raw == long.class || raw == Integer.class) {
            // An integer is a count or a number of days unless @Bounds narrows it (a year, a revision); boxed only
            // where it is optional.
            return NODES.objectNode().put("type", "integer").put("minimum", 0);
        }
        // Boxed only for optional flags: absent is allowed there, an absent primitive never is.
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == BigDecimal.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (raw == Instant.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return NODES.objectNode().put("type", "string").put("format", "date");
        }
        return reference(raw, defs);
    }

    /** Enums, value types and nested records are defined once in $defs and referenced. */
    private ObjectNode reference(Class<?> type, Definitions defs) {
        String name = type.getSimpleName();
        Class<?> owner = defs.owners.putIfAbsent(name, type);
        if (owner == null) {
            defs.schemas.put(name, definition(type, defs));
        } else if (owner != type) {
            throw new IllegalStateException("two contract types share the simple name " + name);
        }
        return NODES.objectNode().put("$ref", "#/$defs/" + name);
    }

    /** The $defs of one schema, with the class behind each name (simple names must not collide). */
    private static final class Definitions {
        final SortedMap<String, ObjectNode> schemas = new TreeMap<>();
        final Map<String, Class<?>> owners = new HashMap<>();
    }

    private ObjectNode definition(Class<?> type, Definitions defs) {
        if (type.isEnum()) {
            ArrayNode values = NODES.arrayNode();
            for (Object constant : type.getEnumConstants()) {
                values.add(mapper.valueToTree(constant));
            }
            ObjectNode schema = NODES.objectNode().put("type", "string");
            schema.set("enum", values);
            return schema;
        }
        if (type.getPackageName().equals(VALUE_PACKAGE)) {
            return NODES.objectNode().put("type", "string").put("pattern", patternOf(type));
        }
        if (type.isRecord()) {
            return objectSchema(type, defs);
        }
        throw new IllegalArgumentException("no schema rule for " + type.getName());
    }

    private static String patternOf(Class<?> valueType) {
        try {
            return (String) valueType.getField("PATTERN").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(valueType.getName() + " needs a public static PATTERN for its schema", e);
        }
    }

    /** Writes every schema into the directory (the committed src/main/resources/schemas). */
    public void writeAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : generateAll().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
