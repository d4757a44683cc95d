package io.sluice.launcher.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/** What {@code --version} prints and the first log lines say, as OpenVPN's do. */
public final class VersionInfo {

    private final Properties props = new Properties();

    public VersionInfo() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sluiceVersion() {
        return props.getProperty("sluice.version", "unknown");
    }

    /** {@code Sluice 0.1.0 amd64-linux [Java 17.0.15] [Karaf 4.4.10] [Bouncy Castle 1.83]}. */
    public String banner() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).split(" ")[0];
        return "Sluice " + sluiceVersion() + " " + System.getProperty("os.arch") + "-" + os
                + " [Java " + System.getProperty("java.version") + "]"
                + " [Karaf " + props.getProperty("karaf.version", "?") + "]"
                + " [Bouncy Castle " + props.getProperty("bouncycastle.version", "?") + "]";
    }

    /** The full {@code --version} text. */
    public String versionText() {
        return banner() + System.lineSeparator()
                + "Speaks the OpenVPN 2.6 wire protocol and reads its configuration language."
                + System.lineSeparator()
                + "Licensed under the Apache License, Version 2.0." + System.lineSeparator();
    }
}
