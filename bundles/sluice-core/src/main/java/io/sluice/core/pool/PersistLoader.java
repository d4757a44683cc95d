package io.sluice.core.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the names in an {@code ifconfig-pool-persist} file their slots back at start-up, as
 * pool.c {@code ifconfig_pool_read} does:
 * <ul>
 * <li>a line's IPv4 address picks the slot; if it is missing, malformed or outside the pool, its
 *     IPv6 address does;</li>
 * <li>if both name slots and the slots differ, the IPv4 one wins (OpenVPN warns);</li>
 * <li>a line that names no slot is ignored and counted; so is one without a name (OpenVPN would
 *     keep a slot for the empty name, which no client has);</li>
 * <li>a later line for the same slot replaces an earlier one, and a name on several lines keeps
 *     all of them (it gets the lowest free one).</li>
 * </ul>
 */
final class PersistLoader {

    private PersistLoader() {
    }

    /**
     * @param fixed true for a read-only file ({@code seconds} 0): its slots go to their names only
     */
    static PersistLoadReport load(Path file, PoolLayout layout, SlotTable slots, boolean fixed) throws IOException {
        List<PersistProblem> problems = new ArrayList<>();
        int[] counts = new int[2];
        boolean found = PersistFileReader.read(file, (number, text) -> {
            if (text == null) {
                counts[1]++;
                note(problems, new PersistProblem(number, "line longer than " + PersistFileReader.MAX_LINE_BYTES
                        + " bytes", false));
                return;
            }
            if (PersistFormat.isIgnorable(text)) {
                return;
            }
            int slot = apply(number, text, layout, slots, fixed, problems);
            counts[slot >= 0 ? 0 : 1]++;
        });
        slots.settleRemembered();
        return new PersistLoadReport(found, counts[0], counts[1], problems);
    }

    private static int apply(int number, String text, PoolLayout layout, SlotTable slots, boolean fixed,
                             List<PersistProblem> problems) {
        PersistRecord record = PersistFormat.parse(text);
        if (record == null) {
            note(problems, new PersistProblem(number, "expected common_name,ipv4[,ipv6]", false));
            return -1;
        }
        if (record.commonName().isEmpty()) {
            note(problems, new PersistProblem(number, "no common name", false));
            return -1;
        }
        List<String> reasons = new ArrayList<>(2);
        int slot = -1;
        if (!record.ipv4().isEmpty()) {
            long address = AddressText.parseIpv4(record.ipv4());
            if (address < 0) {
                reasons.add("invalid IPv4 address " + record.ipv4());
            } else {
                slot = layout.slotOfIpv4((int) address);
                if (slot < 0) {
                    reasons.add("IPv4 address " + record.ipv4() + " is not in the pool");
                }
            }
        }
        if (!record.ipv6().isEmpty()) {
            byte[] address = AddressText.parseIpv6(record.ipv6());
            if (address == null) {
                reasons.add("invalid IPv6 address " + record.ipv6());
            } else {
                int slot6 = layout.slotOfIpv6(address);
                if (slot6 < 0) {
                    reasons.add("IPv6 address " + record.ipv6() + " is not in the pool");
                } else if (slot < 0) {
                    slot = slot6;
                } else if (slot != slot6) {
                    reasons.add("IPv4 address " + record.ipv4() + " and IPv6 address " + record.ipv6()
                            + " are different slots; the IPv4 one is used");
                }
            }
        }
        if (slot < 0 && reasons.isEmpty()) {
            reasons.add("no address");
        }
        if (!reasons.isEmpty()) {
            note(problems, new PersistProblem(number, String.join("; ", reasons), slot >= 0));
        }
        if (slot >= 0) {
            slots.remember(slot, record.commonName(), fixed);
        }
        return slot;
    }

    private static void note(List<PersistProblem> problems, PersistProblem problem) {
        if (problems.size() < PersistLoadReport.MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
