package nodus.deeplearning.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The subset of Python's pickle virtual machine (protocols 2–5) that {@code torch.save(state_dict)} emits. Only
 * whitelisted globals are resolved (through {@code reduce}), so a pickle cannot make this reader do anything but
 * build plain values — unlike Python's unpickler, which would import and call arbitrary code.
 *
 * <p>Values: str → String, int → Long, float → Double, bool → Boolean, None → {@link #NONE}, tuple →
 * unmodifiable List, list → ArrayList, dict → LinkedHashMap, global → {@link Global}.
 */
final class Pickle {

    /** A module-level name referenced by the pickle, e.g. {@code collections.OrderedDict}. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** Python's None (null cannot be stored in the stacks' deques). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final Object MARK = new Object();

    private final ByteBuffer in;
    private final Function<Object, Object> persistentLoad;
    private final BiFunction<Global, List<Object>, Object> reduce;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    /**
     * @param data           the pickle bytes
     * @param persistentLoad resolves BINPERSID ids (torch: storage references)
     * @param reduce         calls a whitelisted global with its argument tuple; throws for anything else
     */
    Pickle(byte[] data, Function<Object, Object> persistentLoad, BiFunction<Global, List<Object>, Object> reduce) {
        this(ByteBuffer.wrap(data), persistentLoad, reduce);
    }

    /**
     * Reads from {@code in}'s current position; after {@link #load()} the position is just past the STOP opcode,
     * so several pickles written back to back (the legacy torch.save layout) can be read in turn.
     */
    Pickle(ByteBuffer in, Function<Object, Object> persistentLoad, BiFunction<Global, List<Object>, Object> reduce) {
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        this.persistentLoad = persistentLoad;
        this.reduce = reduce;
    }

    Object load() throws IOException {
        try {
            return run();
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("pickle ends unexpectedly (truncated file?)", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Object run() throws IOException {
        while (true) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO
                case 0x95 -> in.getLong(); // FRAME
                case '.' -> {
                    return pop();
                }
                case '(' -> stack.push(MARK);
                case ')' -> stack.push(List.of());
                case 't' -> stack.push(List.copyOf(popMark()));
                case 0x85 -> stack.push(tuple(pop()));
                case 0x86 -> {
                    Object b = pop();
                    stack.push(tuple(pop(), b));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    stack.push(tuple(pop(), b, c));
                }
                case ']' -> stack.push(new ArrayList<>());
                case 'a' -> {
                    Object v = pop();
                    ((List<Object>) peek()).add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    ((List<Object>) peek()).addAll(items);
                }
                case '}' -> stack.push(new LinkedHashMap<>());
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    ((Map<Object, Object>) peek()).put(k, v);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    Map<Object, Object> m = (Map<Object, Object>) peek();
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        m.put(items.get(i), items.get(i + 1));
                    }
                }
                case 'X' -> stack.push(string(in.getInt()));
                case 0x8c -> stack.push(string(in.get() & 0xff));
                case 0x8d -> stack.push(string(Math.toIntExact(in.getLong())));
                case 'T' -> stack.push(string(in.getInt()));
                case 'U' -> stack.push(string(in.get() & 0xff));
                case 'J' -> stack.push((long) in.getInt());
                case 'K' -> stack.push((long) (in.get() & 0xff));
                case 'M' -> stack.push((long) (in.getShort() & 0xffff));
                case 0x8a -> {
                    int n = in.get() & 0xff;
                    stack.push(n <= 8 ? (Object) long1(n) : bigLong(n));
                }
                case 'G' -> stack.push(in.order(ByteOrder.BIG_ENDIAN).getDouble());
                case 'N' -> stack.push(NONE);
                case 0x88 -> stack.push(Boolean.TRUE);
                case 0x89 -> stack.push(Boolean.FALSE);
                case 'c' -> stack.push(new Global(line(), line()));
                case 0x93 -> {
                    String name = (String) pop();
                    stack.push(new Global((String) pop(), name));
                }
                case 'R', 0x81 -> {
                    List<Object> args = (List<Object>) pop();
                    Object f = pop();
                    if (!(f instanceof Global g)) {
                        throw new IOException("pickle calls a non-global " + f);
                    }
                    stack.push(reduce.apply(g, args));
                }
                case 'b' -> {
                    // BUILD: torch's OrderedDict carries `_metadata` (module versions); nothing a reader needs.
                    pop();
                }
                case 'Q' -> stack.push(persistentLoad.apply(pop()));
                case 'q' -> memo.put(in.get() & 0xff, peek());
                case 'r' -> memo.put(in.getInt(), peek());
                case 0x94 -> memo.put(memo.size(), peek());
                case 'h' -> stack.push(memoGet(in.get() & 0xff));
                case 'j' -> stack.push(memoGet(in.getInt()));
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> stack.push(peek());
                default -> throw new IOException(String.format("unsupported pickle opcode 0x%02x at byte %d "
                        + "(not a PyTorch state dict?)", op, in.position() - 1));
            }
            // ByteBuffer.order is sticky: BINFLOAT switched it to big-endian for one read.
            in.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static List<Object> tuple(Object... items) {
        return List.of(items);
    }

    private Object memoGet(int key) throws IOException {
        Object v = memo.get(key);
        if (v == null) {
            throw new IOException("pickle refers to unknown memo slot " + key);
        }
        return v;
    }

    private Object pop() throws IOException {
        if (stack.isEmpty()) {
            throw new IOException("malformed pickle: stack underflow");
        }
        return stack.pop();
    }

    private Object peek() throws IOException {
        if (stack.isEmpty()) {
            throw new IOException("malformed pickle: empty stack");
        }
        return stack.peek();
    }

    private List<Object> popMark() throws IOException {
        List<Object> items = new ArrayList<>();
        while (true) {
            Object o = pop();
            if (o == MARK) {
                break;
            }
            items.add(0, o);
        }
        return items;
    }

    private String string(int length) {
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() {
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                return b.toString();
            }
            b.append(c);
        }
    }

    /** LONG1 wider than 64 bits (the legacy format's magic number). */
    private java.math.BigInteger bigLong(int n) {
        byte[] le = new byte[n];
        in.get(le);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        return new java.math.BigInteger(be);
    }

    /** LONG1: little-endian two's complement of n bytes. */
    private long long1(int n) throws IOException {
        if (n > 8) {
            throw new IOException("pickle integer wider than 64 bits");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (in.get() & 0xff) << (8 * i);
        }
        if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) {
            v -= 1L << (8 * n);
        }
        return v;
    }
}
