package io.sluice.core.pool;

/**
 * The line format of OpenVPN 2.6's {@code ifconfig-pool-persist} file.
 *
 * <p>OpenVPN writes {@code common_name,ipv4,ipv6} for every slot that remembers a name, in slot
 * order, with an empty field for a family the pool lacks (an IPv4-only pool writes
 * {@code client1,10.8.0.2,}, trailing comma included, as a real 2.6.14 server does). In
 * {@code topology net30} the IPv4 field is the network address of the client's /30, not the
 * client's own address (pool.c {@code ifconfig_pool_list} prints
 * {@code ifconfig_pool_handle_to_ip_base}). Lines end in {@code \n} (status.c
 * {@code status_printf}).
 *
 * <p>Reading (pool.c {@code ifconfig_pool_read}, status.c {@code status_read}): carriage returns
 * are dropped, blank lines and lines starting with {@code #} or {@code ;} are skipped, a line needs
 * at least the name and the IPv4 field (possibly empty), and anything after a third comma is
 * ignored. There is no quoting, so a name with a comma or line break cannot be stored.
 */
final class PersistFormat {

    private PersistFormat() {
    }

    /** Whether a line is a comment or blank, and so neither data nor an error. */
    static boolean isIgnorable(String line) {
        return line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';';
    }

    /** The fields of a data line, or null if it lacks the IPv4 field. */
    static PersistRecord parse(String line) {
        int first = line.indexOf(',');
        if (first < 0) {
            return null;
        }
        String name = line.substring(0, first);
        int second = line.indexOf(',', first + 1);
        if (second < 0) {
            return new PersistRecord(name, line.substring(first + 1), "");
        }
        int third = line.indexOf(',', second + 1);
        String ipv6 = third < 0 ? line.substring(second + 1) : line.substring(second + 1, third);
        return new PersistRecord(name, line.substring(first + 1, second), ipv6);
    }

    /**
     * Whether a name survives a write and a read: not empty, no comma or line break or NUL (no
     * quoting exists), and not starting like a comment.
     */
    static boolean canStore(String commonName) {
        if (commonName.isEmpty() || isIgnorable(commonName)) {
            return false;
        }
        for (int i = 0; i < commonName.length(); i++) {
            char c = commonName.charAt(i);
            if (c == ',' || c == '\n' || c == '\r' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /** A line, without its line feed. */
    static String format(PersistRecord record) {
        return record.commonName() + ',' + record.ipv4() + ',' + record.ipv6();
    }
}
