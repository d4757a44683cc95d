package io.sluice.core.reliable;

/**
 * Arithmetic on message packet ids, which are unsigned 32-bit numbers that start at 0 for
 * each key state and may wrap (draft "Message Packet IDs"; reliable.c compares them by
 * subtraction so the wrap is harmless). An id is "before" another when it is less than
 * 2^31 behind it, as reliable.c {@code reliable_pid_min} has it.
 */
final class PacketIds {

    private PacketIds() {
    }

    /** How far {@code id} is past {@code base}, modulo 2^32, as an unsigned value in a long. */
    static long distance(int id, int base) {
        return Integer.toUnsignedLong(id - base);
    }

    /** True if {@code a} comes before {@code b}. */
    static boolean isBefore(int a, int b) {
        return a - b < 0;
    }

    /** True if {@code id} is one of the {@code size} ids starting at {@code base}. */
    static boolean inWindow(int id, int base, int size) {
        return distance(id, base) < size;
    }
}
