package io.sluice.launcher.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The system properties through which the boot launcher and the instance inside the
 * container talk: the OSGi framework reads system properties as framework properties, and
 * both sides run in one JVM.
 */
public final class Handover {

    /** The launcher's arguments, joined by NUL (arguments cannot contain NUL). */
    public static final String ARGV = "sluice.launcher.argv";
    /** The working directory relative paths resolve against. */
    public static final String CWD = "sluice.launcher.cwd";
    /** The instance's state directory. */
    public static final String STATE_DIR = "sluice.launcher.state";
    /** With {@code --pki-init}: the host the generated client profile connects to. */
    public static final String PKI_INIT = "sluice.launcher.pkiInit";
    /** Set by whoever stops the instance: the exit status the JVM ends with. */
    public static final String EXIT_STATUS = "sluice.launcher.exit";
    /** Set when a signal stops the instance: its name, for the closing log line. */
    public static final String SIGNAL = "sluice.launcher.signal";

    private static final String SEPARATOR = "\0";

    private Handover() {
    }

    public static String encode(List<String> argv) {
        for (String a : argv) {
            if (a.contains(SEPARATOR)) {
                throw new IllegalArgumentException("argument contains a NUL character");
            }
        }
        return String.join(SEPARATOR, argv);
    }

    public static List<String> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(encoded.split(SEPARATOR, -1)));
    }
}
