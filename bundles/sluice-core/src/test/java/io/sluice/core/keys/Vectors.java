package io.sluice.core.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Known-answer vectors recorded from real OpenVPN 2.6 peers, stored as properties files under
 * src/test/resources/io/sluice/core/{keys,data}; each file's header says how it was produced.
 */
public final class Vectors {

    private final String name;
    private final Properties values;

    private Vectors(String name, Properties values) {
        this.name = name;
        this.values = values;
    }

    /** Loads a classpath resource such as {@code /io/sluice/core/keys/prf-aes256gcm.properties}. */
    public static Vectors load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + resource);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vectors(resource, p);
    }

    /** A classpath resource's text. */
    public static String text(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String string(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(name + " has no " + key);
        }
        return v.trim();
    }

    public byte[] bytes(String key) {
        return Hex.decode(string(key));
    }

    public int integer(String key) {
        return Integer.parseInt(string(key));
    }

    /** The key-method-2 randoms and session ids of a PRF vector. */
    public PrfKeySource prfKeySource() {
        return new PrfKeySource(bytes("client.pre_master"),
                bytes("client.random1"), bytes("client.random2"),
                bytes("server.random1"), bytes("server.random2"),
                bytes("client.session_id"), bytes("server.session_id"));
    }
}
