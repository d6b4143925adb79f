package io.ringtrader.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of a graph of stage objects as bytes, and those bytes put back into a freshly built graph of the same
 * shape. Every instance field of every engine object reachable from the roots is written (primitives, strings,
 * enums, arrays, lists, shared references once), so state a stage adds later is in its snapshots without anyone
 * remembering to add it: a forgotten field is the classic way a snapshot recovery drifts from a full replay.
 *
 * <p>What is not state is skipped by its runtime class: records (immutable configuration), lambdas, JDK and library
 * objects (threads, executors, loggers, queues) other than lists, strings, boxes and atomics, and the classes given
 * as not-state (writers and views owned by other threads, the ring slot). Reading checks the graph as it goes: a
 * class, a final primitive or string, a final array's length or a list that differs from the fresh graph is a
 * {@link SnapshotMismatchException} naming the field path (a snapshot of another build or configuration), never a
 * silently half-restored engine. Not thread-safe: run it on the thread that owns the objects.
 */
public final class StateImage {
    private static final byte NULL = 0;
    private static final byte SKIPPED = 1;
    private static final byte REF = 2;
    private static final byte OBJECT = 3;
    private static final byte STRING = 4;
    private static final byte ENUM = 5;
    private static final byte LIST = 6;
    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private final Set<Class<?>> notState;
    private final Set<String> notStatePackages;
    private final Map<Object, Integer> written = new IdentityHashMap<>();
    private final List<Object> read = new ArrayList<>();
    private final Deque<String> path = new ArrayDeque<>();

    /**
     * An image that skips objects of the {@code notState} classes (and their subclasses) and of every class in the
     * {@code notStatePackages} (I/O and views: the journal, metrics, the dashboard).
     */
    public StateImage(Set<Class<?>> notState, Set<String> notStatePackages) {
        this.notState = Set.copyOf(notState);
        this.notStatePackages = Set.copyOf(notStatePackages);
    }

    /** Writes the state reachable from {@code roots}, in order. */
    void write(StateBytes.Out out, Object... roots) {
        written.clear();
        path.clear();
        for (int i = 0; i < roots.length; i++) {
            path.push("root" + i);
            writeValue(out, roots[i]);
            path.pop();
        }
        written.clear();
    }

    /** Puts the state written from roots of the same shape into {@code roots}. */
    void read(StateBytes.In in, Object... roots) {
        read.clear();
        path.clear();
        for (int i = 0; i < roots.length; i++) {
            path.push("root" + i);
            final Object got = readValue(in, roots[i]);
            if (got != roots[i]) {
                throw mismatch("a root object cannot be replaced");
            }
            path.pop();
        }
        read.clear();
    }

    private boolean skipped(Object o) {
        final Class<?> c = o.getClass();
        if (c.isRecord() || c.isHidden() || c.isSynthetic() || c.isAnonymousClass() && !c.getName()
            .startsWith("io.ringtrader.")) {
            return true;
        }
        if (notStatePackages.contains(c.getPackageName())) {
            return true;
        }
        for (Class<?> n : notState) {
            if (n.isAssignableFrom(c)) {
                return true;
            }
        }
        if (c.isArray() || o instanceof List || o instanceof AtomicLong) {
            return false;
        }
        return !c.getName().startsWith("io.ringtrader.");
    }

    private void writeValue(StateBytes.Out out, Object o) {
        if (o == null) {
            out.writeByte(NULL);
        } else if (o instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (o instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeInt(e.ordinal());
        } else if (o instanceof Number || o instanceof Boolean || o instanceof Character || skipped(o)) {
            out.writeByte(o instanceof AtomicLong ? OBJECT : SKIPPED);
            if (o instanceof AtomicLong a) {
                out.writeUTF(AtomicLong.class.getName());
                out.writeLong(a.get());
            }
        } else if (written.containsKey(o)) {
            out.writeByte(REF);
            out.writeInt(written.get(o));
        } else {
            written.put(o, written.size());
            if (o instanceof List<?> list) {
                out.writeByte(LIST); // any list class: lists in stage state are values, compared by content
                out.writeInt(list.size());
                for (int i = 0; i < list.size(); i++) {
                    path.push("[" + i + "]");
                    writeValue(out, list.get(i));
                    path.pop();
                }
            } else {
                out.writeByte(OBJECT);
                out.writeUTF(o.getClass().getName());
                if (o.getClass().isArray()) {
                    writeArray(out, o);
                } else {
                    writeFields(out, o);
                }
            }
        }
    }

    private void writeFields(StateBytes.Out out, Object o) {
        for (Field f : fields(o.getClass())) {
            path.push(f.getName());
            try {
                final Class<?> t = f.getType();
                if (t == long.class) {
                    out.writeLong(f.getLong(o));
                } else if (t == int.class) {
                    out.writeInt(f.getInt(o));
                } else if (t == double.class) {
                    out.writeLong(Double.doubleToRawLongBits(f.getDouble(o)));
                } else if (t == boolean.class) {
                    out.writeBoolean(f.getBoolean(o));
                } else if (t == byte.class) {
                    out.writeByte(f.getByte(o));
                } else if (t == short.class) {
                    out.writeShort(f.getShort(o));
                } else if (t == char.class) {
                    out.writeChar(f.getChar(o));
                } else if (t == float.class) {
                    out.writeInt(Float.floatToRawIntBits(f.getFloat(o)));
                } else {
                    writeValue(out, f.get(o));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + where(), e);
            }
            path.pop();
        }
    }

    private void writeArray(StateBytes.Out out, Object a) {
        final int n = Array.getLength(a);
        out.writeInt(n);
        if (a instanceof long[] v) {
            out.writeLongs(v);
        } else if (a instanceof int[] v) {
            out.writeInts(v);
        } else if (a instanceof double[] v) {
            for (double x : v) {
                out.writeLong(Double.doubleToRawLongBits(x));
            }
        } else if (a instanceof boolean[] v) {
            for (boolean x : v) {
                out.writeBoolean(x);
            }
        } else if (a instanceof byte[] v) {
            out.write(v);
        } else if (a instanceof short[] v) {
            for (short x : v) {
                out.writeShort(x);
            }
        } else if (a instanceof char[] v) {
            for (char x : v) {
                out.writeChar(x);
            }
        } else if (a instanceof float[] v) {
            for (float x : v) {
                out.writeInt(Float.floatToRawIntBits(x));
            }
        } else {
            writeObjectArray(out, (Object[]) a);
        }
    }

    private void writeObjectArray(StateBytes.Out out, Object[] a) {
        for (int i = 0; i < a.length; i++) {
            path.push("[" + i + "]");
            writeValue(out, a[i]);
            path.pop();
        }
    }

    // --- reading: the same walk over the fresh graph ---

    private Object readValue(StateBytes.In in, Object fresh) {
        final byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case SKIPPED:
                return fresh;
            case STRING: {
                final String s = in.readUTF();
                return s.equals(fresh) ? fresh : s;
            }
            case ENUM: {
                final int ordinal = in.readInt();
                if (!(fresh instanceof Enum<?> e)) {
                    throw mismatch("an enum value where this build has " + describe(fresh));
                }
                return e.getDeclaringClass().getEnumConstants()[ordinal];
            }
            case REF: {
                final int id = in.readInt();
                if (id < 0 || id >= read.size()) {
                    throw mismatch("a reference to object #" + id + " of " + read.size());
                }
                return read.get(id);
            }
            case LIST:
                return readList(in, fresh instanceof List<?> l ? l : null);
            case OBJECT:
                return readObject(in, fresh);
            default:
                throw mismatch("unknown tag " + tag);
        }
    }

    private Object readObject(StateBytes.In in, Object fresh) {
        final String className = in.readUTF();
        if (AtomicLong.class.getName().equals(className)) {
            final long v = in.readLong();
            final AtomicLong a = fresh instanceof AtomicLong f ? f : new AtomicLong();
            a.set(v);
            return a;
        }
        Object target = fresh;
        if (target != null && !target.getClass().getName().equals(className)) {
            throw mismatch("a " + className + " where this build has a " + target.getClass().getName());
        }
        if (className.startsWith("[")) {
            return readArray(in, target, className);
        }
        if (target == null) {
            target = instantiate(className);
        }
        read.add(target);
        readFields(in, target);
        return target;
    }

    private Object readArray(StateBytes.In in, Object fresh, String className) {
        final int n = in.readInt();
        Object a = fresh;
        if (a == null || Array.getLength(a) != n) {
            try {
                a = Array.newInstance(Class.forName(className).getComponentType(), n);
            } catch (ClassNotFoundException e) {
                throw mismatch("an array of a class this build does not have: " + className);
            }
        }
        read.add(a);
        if (a instanceof long[] v) {
            in.readLongs(v);
        } else if (a instanceof int[] v) {
            in.readInts(v);
        } else if (a instanceof double[] v) {
            for (int i = 0; i < n; i++) {
                v[i] = Double.longBitsToDouble(in.readLong());
            }
        } else if (a instanceof boolean[] v) {
            for (int i = 0; i < n; i++) {
                v[i] = in.readBoolean();
            }
        } else if (a instanceof byte[] v) {
            in.readFully(v);
        } else if (a instanceof short[] v) {
            for (int i = 0; i < n; i++) {
                v[i] = in.readShort();
            }
        } else if (a instanceof char[] v) {
            for (int i = 0; i < n; i++) {
                v[i] = in.readChar();
            }
        } else if (a instanceof float[] v) {
            for (int i = 0; i < n; i++) {
                v[i] = Float.intBitsToFloat(in.readInt());
            }
        } else {
            final Object[] v = (Object[]) a;
            for (int i = 0; i < n; i++) {
                path.push("[" + i + "]");
                v[i] = readValue(in, v[i]);
                path.pop();
            }
        }
        return a;
    }

    private List<?> readList(StateBytes.In in, List<?> fresh) {
        final int n = in.readInt();
        read.add(fresh);
        final Object[] items = new Object[n];
        boolean same = fresh != null && fresh.size() == n;
        for (int i = 0; i < n; i++) {
            path.push("[" + i + "]");
            final Object old = fresh != null && i < fresh.size() ? fresh.get(i) : null;
            items[i] = readValue(in, old);
            same &= items[i] == old;
            path.pop();
        }
        // a list that differs is replaced whole (lists in stage state are immutable values, e.g. the active names)
        return same ? fresh : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(items)));
    }

    private void readFields(StateBytes.In in, Object o) {
        for (Field f : fields(o.getClass())) {
            path.push(f.getName());
            try {
                readField(in, o, f);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + where(), e);
            }
            path.pop();
        }
    }

    private void readField(StateBytes.In in, Object o, Field f) throws IllegalAccessException {
        final Class<?> t = f.getType();
        final boolean fixed = Modifier.isFinal(f.getModifiers());
        if (t.isPrimitive()) {
            final Object now = f.get(o);
            final Object was = readPrimitive(in, t);
            if (fixed) {
                if (!was.equals(now)) {
                    throw mismatch(was + " in the snapshot, " + now + " here (a different configuration?)");
                }
            } else {
                f.set(o, was);
            }
            return;
        }
        final Object now = f.get(o);
        final Object got = readValue(in, now);
        if (got != now) {
            if (fixed) {
                throw mismatch(describe(got) + " in the snapshot, " + describe(now) + " here");
            }
            f.set(o, got);
        }
    }

    private static Object readPrimitive(StateBytes.In in, Class<?> t) {
        if (t == long.class) {
            return in.readLong();
        } else if (t == int.class) {
            return in.readInt();
        } else if (t == double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (t == boolean.class) {
            return in.readBoolean();
        } else if (t == byte.class) {
            return in.readByte();
        } else if (t == short.class) {
            return in.readShort();
        } else if (t == char.class) {
            return in.readChar();
        }
        return Float.intBitsToFloat(in.readInt());
    }

    private Object instantiate(String className) {
        try {
            final var ctor = Class.forName(className).getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw mismatch("a " + className + " where this build has null (and no way to make one)");
        }
    }

    /** Instance fields, superclass first, by name within a class: one order for writing and reading. */
    private static Field[] fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            final List<Class<?>> chain = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                chain.add(0, x);
            }
            final List<Field> out = new ArrayList<>();
            for (Class<?> x : chain) {
                final Field[] declared = x.getDeclaredFields();
                Arrays.sort(declared, Comparator.comparing(Field::getName));
                for (Field f : declared) {
                    final int m = f.getModifiers();
                    if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return out.toArray(new Field[0]);
        });
    }

    private static String describe(Object o) {
        return o == null ? "null" : o instanceof String s ? "'" + s + "'" : o.getClass().getName();
    }

    private String where() {
        final List<String> parts = new ArrayList<>(path);
        Collections.reverse(parts);
        return String.join(".", parts).replace(".[", "[");
    }

    private SnapshotMismatchException mismatch(String what) {
        return new SnapshotMismatchException(where() + ": " + what);
    }
}
