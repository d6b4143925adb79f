package io.ringtrader.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian 8- and 4-byte reads at any offset of a byte array, for the parsers that compare or scan a frame a
 * word at a time (the JIT compiles each to one load). The caller keeps the read inside the array.
 */
public final class ByteWords {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteWords() {
    }

    /** The 8 bytes {@code b[at, at + 8)} as a little-endian long. */
    public static long longAt(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    /** The 4 bytes {@code b[at, at + 4)} as a little-endian int. */
    public static int intAt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }
}
