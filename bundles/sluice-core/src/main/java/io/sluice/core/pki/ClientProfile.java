package io.sluice.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of a client profile ({@code .ovpn}) that stock OpenVPN 2.6 runs as is, with the CA
 * certificate, the client's certificate and key and the optional {@code tls-crypt} key inline:
 *
 * <pre>
 * client
 * dev tun
 * proto udp
 * remote vpn.example.com 1194
 * remote vpn.example.com 443 tcp
 * nobind
 * remote-cert-tls server
 * data-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305
 * verb 3
 * &lt;ca&gt; ... &lt;/ca&gt;
 * &lt;cert&gt; ... &lt;/cert&gt;
 * &lt;key&gt; ... &lt;/key&gt;
 * &lt;tls-crypt&gt; ... &lt;/tls-crypt&gt;
 * </pre>
 *
 * {@code proto} is the first remote's transport; a remote with another transport names its
 * own. {@code remote-cert-tls server} makes the client refuse a peer holding a client
 * certificate of the same CA, which would otherwise be able to pose as the server.
 * {@code data-ciphers} lists what the server accepts, so a client never proposes something it
 * would refuse.
 *
 * <p>Immutable. The text holds a private key: {@link #toString()} never shows it, and it belongs
 * in an owner-only file ({@link ClientProfileWriter}).
 */
public final class ClientProfile {

    /** OpenVPN 2.6's own default {@code data-ciphers}. */
    public static final List<String> DEFAULT_DATA_CIPHERS = io.sluice.config.DataChannel.DEFAULT_DATA_CIPHERS;

    /** OpenVPN's limit on the {@code data-ciphers} value (options.h {@code MAX_NCP_CIPHERS_LENGTH} - 1). */
    static final int MAX_DATA_CIPHERS_LENGTH = 127;

    private final String text;

    private ClientProfile(String text) {
        this.text = text;
    }

    /**
     * A profile from PEM texts.
     *
     * @param remotes     where the server is, in the order the client should try them; at least one
     * @param dataCiphers the data-channel ciphers the server accepts, preferred first; at least one
     * @param caPem       the CA certificate
     * @param certPem     the client's certificate
     * @param keyPem      the client's private key
     * @param tlsCryptKey the server's tls-crypt key file text, if it uses tls-crypt
     * @throws IllegalArgumentException if an argument could not be written as OpenVPN reads it back
     */
    public static ClientProfile of(List<ProfileRemote> remotes, List<String> dataCiphers, String caPem,
            String certPem, String keyPem, Optional<String> tlsCryptKey) {
        Objects.requireNonNull(tlsCryptKey, "tlsCryptKey");
        if (remotes.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one remote");
        }
        StringBuilder b = new StringBuilder(4096);
        b.append("# OpenVPN client profile written by Sluice. It holds a private key: keep it private.\n");
        b.append("client\n");
        b.append("dev tun\n");
        ProfileRemote.Transport proto = remotes.get(0).transport();
        b.append("proto ").append(proto.keyword()).append('\n');
        for (ProfileRemote r : remotes) {
            b.append("remote ").append(r.host()).append(' ').append(r.port());
            if (r.transport() != proto) {
                b.append(' ').append(r.transport().keyword());
            }
            b.append('\n');
        }
        b.append("nobind\n");
        b.append("remote-cert-tls server\n");
        b.append("data-ciphers ").append(cipherList(dataCiphers)).append('\n');
        b.append("verb 3\n");
        inline(b, "ca", caPem, "CERTIFICATE");
        inline(b, "cert", certPem, "CERTIFICATE");
        inline(b, "key", keyPem, "PRIVATE KEY");
        tlsCryptKey.ifPresent(k -> inline(b, "tls-crypt", k, "OpenVPN Static key V1"));
        return new ClientProfile(b.toString());
    }

    /**
     * The profile for the bootstrapped client ({@link PkiFiles#clientCert()},
     * {@link PkiFiles#clientKey()}), with the tls-crypt key if {@code files} has one.
     */
    public static ClientProfile fromFiles(PkiFiles files, List<ProfileRemote> remotes, List<String> dataCiphers)
            throws PkiException {
        Optional<String> tlsCrypt = Optional.empty();
        if (files.tlsCryptKey().isPresent()) {
            tlsCrypt = Optional.of(read(files.tlsCryptKey().get()));
        }
        try {
            return of(remotes, dataCiphers, read(files.caCert()), read(files.clientCert()), read(files.clientKey()),
                    tlsCrypt);
        } catch (IllegalArgumentException e) {
            throw new PkiException(files.directory() + ": cannot write a client profile: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws PkiException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String cipherList(List<String> ciphers) {
        if (ciphers.isEmpty()) {
            throw new IllegalArgumentException("data-ciphers needs at least one cipher");
        }
        for (String c : ciphers) {
            if (!c.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
                throw new IllegalArgumentException("not a cipher name: '" + c + "'");
            }
        }
        String list = String.join(":", ciphers);
        if (list.length() > MAX_DATA_CIPHERS_LENGTH) {
            throw new IllegalArgumentException("data-ciphers longer than " + MAX_DATA_CIPHERS_LENGTH + " characters");
        }
        return list;
    }

    /**
     * Appends {@code <tag>content</tag>}. OpenVPN ends the block at the first line starting with
     * {@code </}, and the content must be the PEM it expects; anything else is refused rather
     * than written into a profile the client would misread.
     */
    private static void inline(StringBuilder b, String tag, String content, String pemType) {
        Objects.requireNonNull(content, tag);
        if (!content.contains("-----BEGIN " + pemType + "-----")) {
            throw new IllegalArgumentException("<" + tag + ">: expected a '" + pemType + "' PEM block");
        }
        for (String line : content.split("\n", -1)) {
            if (line.strip().startsWith("</")) {
                throw new IllegalArgumentException("<" + tag + ">: content holds a closing tag");
            }
        }
        b.append('<').append(tag).append(">\n").append(content);
        if (!content.endsWith("\n")) {
            b.append('\n');
        }
        b.append("</").append(tag).append(">\n");
    }

    /** The profile text, with LF line ends. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientProfile p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Never shows the text: it holds a private key. */
    @Override
    public String toString() {
        return "ClientProfile[" + text.length() + " characters]";
    }
}
