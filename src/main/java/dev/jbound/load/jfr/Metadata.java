package dev.jbound.load.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type system of one chunk, read from its metadata event: a string table, then a tree of
 * elements (root → metadata → class → field) whose attributes index into the table.
 */
final class Metadata {

    private final Map<Long, JfrType> byId = new HashMap<>();
    private final Map<String, JfrType> byName = new HashMap<>();
    /** The declarations' bytes, to tell the next chunk's identical ones without parsing them. */
    private final byte[] body;
    /** How its types' values are read: worked out once for all the chunks that share these types. */
    private Values values;

    private Metadata(byte[] body) {
        this.body = body;
    }

    Values values() {
        return values;
    }

    JfrType type(long id) {
        return byId.get(id);
    }

    JfrType type(String name) {
        return byName.get(name);
    }

    /**
     * Reads the metadata event at the cursor (just past its size and type id), which ends at
     * {@code end}. A recording's chunks mostly declare the same types: when the declarations are
     * byte for byte those of {@code previous} (null: none), that is returned instead of parsing them again.
     */
    static Metadata read(ByteCursor in, int end, Metadata previous) {
        in.varlong(); // start time
        in.varlong(); // duration
        in.varlong(); // metadata id
        int bodyStart = in.position();
        if (end < bodyStart) throw new IllegalStateException("invalid metadata size");
        if (previous != null && in.equalsAt(bodyStart, previous.body)) {
            in.position(end);
            return previous;
        }
        byte[] body = in.bytesAt(bodyStart, end - bodyStart);
        int count = in.length();
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) strings[i] = in.string();
        Metadata m = new Metadata(body);
        m.element(in, strings, null);
        m.values = new Values(m.byId.values());
        return m;
    }

    /** One element and its children; classes and their fields are kept, the rest (annotations, regions) skipped. */
    private void element(ByteCursor in, String[] strings, ClassBuilder enclosing) {
        String name = strings[in.varint()];
        int attributeCount = in.length();
        Map<String, String> attributes = new HashMap<>(Math.min(attributeCount, Values.PREALLOCATED) * 2);
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(strings[in.varint()], strings[in.varint()]);
        }
        ClassBuilder cls = null;
        if (name.equals("class")) {
            cls = new ClassBuilder(attributes);
        } else if (name.equals("field") && enclosing != null) {
            enclosing.fields.add(new JfrType.Field(attributes.get("name"), Long.parseLong(attributes.get("class")),
                    "true".equals(attributes.get("constantPool")), attributes.containsKey("dimension")));
        }
        int children = in.length();
        for (int i = 0; i < children; i++) element(in, strings, cls);
        if (cls != null) {
            JfrType t = cls.build();
            if (byId.containsKey(t.id())) throw new IllegalStateException("two types declared with id " + t.id());
            byId.put(t.id(), t);
            byName.put(t.name(), t);
        }
    }

    private static final class ClassBuilder {
        final Map<String, String> attributes;
        final List<JfrType.Field> fields = new ArrayList<>();

        ClassBuilder(Map<String, String> attributes) {
            this.attributes = attributes;
        }

        JfrType build() {
            return new JfrType(Long.parseLong(attributes.get("id")), attributes.get("name"), attributes.get("superType"),
                    "true".equals(attributes.get("simpleType")), fields);
        }
    }
}
