package io.ringtrader.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of a {@link StateImage}: big-endian primitives, length-prefixed UTF-8 strings, bulk arrays. A
 * plain growable buffer instead of {@code DataOutputStream}: the copy runs on the ring thread, and the JDK streams
 * lock and copy per byte.
 */
final class StateBytes {
    private StateBytes() {
    }

    /** A growable output buffer, reused between snapshots. */
    static final class Out {
        private ByteBuffer buf;

        Out(int initialCapacity) {
            buf = ByteBuffer.allocate(initialCapacity);
        }

        void reset() {
            buf.clear();
        }

        private void room(int bytes) {
            if (buf.remaining() < bytes) {
                final ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + bytes));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void writeByte(int v) {
            room(1);
            buf.put((byte) v);
        }

        void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }

        void writeShort(int v) {
            room(2);
            buf.putShort((short) v);
        }

        void writeChar(int v) {
            room(2);
            buf.putChar((char) v);
        }

        void writeInt(int v) {
            room(4);
            buf.putInt(v);
        }

        void writeLong(long v) {
            room(8);
            buf.putLong(v);
        }

        void writeLongs(long[] v) {
            room(8 * v.length);
            buf.asLongBuffer().put(v);
            buf.position(buf.position() + 8 * v.length);
        }

        void writeInts(int[] v) {
            room(4 * v.length);
            buf.asIntBuffer().put(v);
            buf.position(buf.position() + 4 * v.length);
        }

        void write(byte[] v) {
            room(v.length);
            buf.put(v);
        }

        void writeUTF(String s) {
            final byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            write(b);
        }

        /** Bytes written since the last {@link #reset()}. */
        int size() {
            return buf.position();
        }

        /** The backing array: its first {@link #size()} bytes are what was written. */
        byte[] array() {
            return buf.array();
        }

        /** A copy of what was written. */
        byte[] toByteArray() {
            final byte[] out = new byte[buf.position()];
            System.arraycopy(buf.array(), 0, out, 0, out.length);
            return out;
        }
    }

    /** Reads what {@link Out} wrote; running past the end is an {@link java.io.EOFException}-like mismatch. */
    static final class In {
        private final ByteBuffer buf;

        In(byte[] bytes) {
            buf = ByteBuffer.wrap(bytes);
        }

        private void need(int bytes) {
            if (buf.remaining() < bytes) {
                throw new SnapshotMismatchException("byte " + buf.position() + ": the state ends early");
            }
        }

        byte readByte() {
            need(1);
            return buf.get();
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        short readShort() {
            need(2);
            return buf.getShort();
        }

        char readChar() {
            need(2);
            return buf.getChar();
        }

        int readInt() {
            need(4);
            return buf.getInt();
        }

        long readLong() {
            need(8);
            return buf.getLong();
        }

        void readLongs(long[] v) {
            need(8 * v.length);
            buf.asLongBuffer().get(v);
            buf.position(buf.position() + 8 * v.length);
        }

        void readInts(int[] v) {
            need(4 * v.length);
            buf.asIntBuffer().get(v);
            buf.position(buf.position() + 4 * v.length);
        }

        void readFully(byte[] v) {
            need(v.length);
            buf.get(v);
        }

        String readUTF() {
            final int n = readInt();
            if (n < 0) {
                throw new SnapshotMismatchException("byte " + buf.position() + ": a string of " + n + " bytes");
            }
            final byte[] b = new byte[n];
            readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        int available() {
            return buf.remaining();
        }

    }
}
