package io.sluice.launcher.boot;

/** The {@code --help} text. */
final class Usage {

    private Usage() {
    }

    static String text(VersionInfo version) {
        return version.banner() + "\n"
                + "\n"
                + "Usage: sluice --config FILE [--option args ...]\n"
                + "       sluice FILE\n"
                + "       sluice --help | --version\n"
                + "\n"
                + "Runs one OpenVPN-compatible instance in the foreground, as `openvpn` does.\n"
                + "FILE is an OpenVPN 2.6 configuration (server.conf, client.ovpn ...). Any option\n"
                + "of the configuration language may also be given on the command line as\n"
                + "--option args; options are read in order, --config including its file at that\n"
                + "point, and a later single-valued option overrides an earlier one.\n"
                + "\n"
                + "  --config FILE   read options from FILE (may be repeated)\n"
                + "  --verb N        log verbosity, 0..11, as OpenVPN's (default 1)\n"
                + "  --cd DIR        change directory before reading what follows\n"
                + "  --pki-init [HOST]  on first start, generate a CA, a server and a client\n"
                + "                  certificate where 'ca', 'cert' and 'key' point (ca.crt,\n"
                + "                  server.crt, server.key) and a client profile client1.ovpn\n"
                + "                  connecting to HOST (default 127.0.0.1); later starts reuse them\n"
                + "  --help          show this text\n"
                + "  --version       show the version and exit\n"
                + "\n"
                + "Exit status: 0 after a clean stop (SIGTERM, SIGINT), 2 on a configuration\n"
                + "error (one line: file:line: option 'name': what is wrong), 1 otherwise.\n"
                + "\n"
                + "Environment:\n"
                + "  SLUICE_STATE_DIR  where instances keep their runtime state; each instance\n"
                + "                    uses its own subdirectory, removed when it stops\n"
                + "                    (default: $TMPDIR/sluice-$USER)\n"
                + "  JAVA_HOME         the JDK to run on (17 or later)\n";
    }
}
