package dev.jbound.load.jfr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one JFR chunk (format 2) byte by byte, as the JDK and async-profiler lay it out, so that
 * each structure the reader decodes can be built on purpose, right or broken: the header, the
 * metadata event's string table and element tree, a checkpoint's constant pools, events framed by
 * their size. Sizes are written as padded 4-byte varints, as the JDK writes them.
 */
final class ChunkWriter {

    /** A class in the metadata; {@code fields} as (name, type id, constant pool, array). */
    record Type(long id, String name, boolean simple, List<JfrType.Field> fields) {
    }

    private final List<Type> types = new ArrayList<>();
    private final Map<Long, Map<Long, byte[]>> pools = new LinkedHashMap<>();
    private final List<byte[]> events = new ArrayList<>();
    long ticksPerSecond = 1_000_000_000L;
    int features = 1; // compressed integers
    int major = 2;

    ChunkWriter type(long id, String name, JfrType.Field... fields) {
        types.add(new Type(id, name, false, List.of(fields)));
        return this;
    }

    ChunkWriter simpleType(long id, String name, JfrType.Field field) {
        types.add(new Type(id, name, true, List.of(field)));
        return this;
    }

    /** A constant-pool entry of type {@code typeId}: its encoded value. */
    ChunkWriter constant(long typeId, long key, byte[] value) {
        pools.computeIfAbsent(typeId, k -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** An event of type {@code typeId} whose fields are encoded in {@code body}. */
    ChunkWriter event(long typeId, byte[] body) {
        events.add(framed(concat(varlong(typeId), body)));
        return this;
    }

    /** A raw, already framed event: to break the framing on purpose. */
    ChunkWriter rawEvent(byte[] framed) {
        events.add(framed);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] e : events) body.writeBytes(e);
        int metaOffset = 68 + body.size();
        byte[] meta = metadata();
        body.writeBytes(meta);
        int cpOffset = 68 + body.size();
        body.writeBytes(checkpoint());
        ByteBuffer h = ByteBuffer.allocate(68);
        h.putInt(JfrChunk.MAGIC).putShort((short) major).putShort((short) 1);
        h.putLong(68L + body.size()).putLong(cpOffset).putLong(metaOffset);
        h.putLong(1_700_000_000_000_000_000L).putLong(1_000_000_000L).putLong(1000).putLong(ticksPerSecond).putInt(features);
        return concat(h.array(), body.toByteArray());
    }

    private byte[] metadata() {
        List<String> strings = new ArrayList<>();
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        element(tree, strings, "root", Map.of(), 1);
        element(tree, strings, "metadata", Map.of(), types.size());
        for (Type t : types) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("id", Long.toString(t.id()));
            attrs.put("name", t.name());
            if (t.simple()) attrs.put("simpleType", "true");
            element(tree, strings, "class", attrs, t.fields().size());
            for (JfrType.Field f : t.fields()) {
                Map<String, String> fa = new LinkedHashMap<>();
                fa.put("name", f.name());
                fa.put("class", Long.toString(f.typeId()));
                if (f.constantPool()) fa.put("constantPool", "true");
                if (f.array()) fa.put("dimension", "1");
                element(tree, strings, "field", fa, 0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varlong(0)); // metadata event type
        out.writeBytes(varlong(0));
        out.writeBytes(varlong(0));
        out.writeBytes(varlong(1));
        out.writeBytes(varlong(strings.size()));
        for (String s : strings) out.writeBytes(utf8(s));
        out.writeBytes(tree.toByteArray());
        return framed(out.toByteArray());
    }

    private static void element(ByteArrayOutputStream out, List<String> strings, String name, Map<String, String> attrs, int children) {
        out.writeBytes(varlong(index(strings, name)));
        out.writeBytes(varlong(attrs.size()));
        attrs.forEach((k, v) -> {
            out.writeBytes(varlong(index(strings, k)));
            out.writeBytes(varlong(index(strings, v)));
        });
        out.writeBytes(varlong(children));
    }

    private static int index(List<String> strings, String s) {
        int i = strings.indexOf(s);
        if (i >= 0) return i;
        strings.add(s);
        return strings.size() - 1;
    }

    private byte[] checkpoint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varlong(1)); // checkpoint event type
        out.writeBytes(varlong(0));
        out.writeBytes(varlong(0));
        out.writeBytes(varlong(0)); // delta: the last in the chain
        out.write(1); // kind
        out.writeBytes(varlong(pools.size()));
        pools.forEach((type, entries) -> {
            out.writeBytes(varlong(type));
            out.writeBytes(varlong(entries.size()));
            entries.forEach((key, value) -> {
                out.writeBytes(varlong(key));
                out.writeBytes(value);
            });
        });
        return framed(out.toByteArray());
    }

    /** The body with its size in front (a padded 4-byte varint), which counts itself. */
    static byte[] framed(byte[] body) {
        return concat(padded(body.length + 4), body);
    }

    static byte[] padded(int v) {
        return new byte[]{(byte) (v & 0x7f | 0x80), (byte) (v >>> 7 & 0x7f | 0x80), (byte) (v >>> 14 & 0x7f | 0x80), (byte) (v >>> 21 & 0x7f)};
    }

    /** JFR's compressed integer: seven bits a byte, low first; the ninth byte whole. */
    static byte[] varlong(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 8; i++) {
            if ((v & ~0x7fL) == 0) {
                out.write((int) v);
                return out.toByteArray();
            }
            out.write((int) (v & 0x7f | 0x80));
            v >>>= 7;
        }
        out.write((int) (v & 0xff));
        return out.toByteArray();
    }

    /** A string tagged UTF-8 (encoding 3). */
    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[]{3}, varlong(b.length), b);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
