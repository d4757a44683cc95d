package io.sluice.core.pki;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bootstrapped PKI lives: fixed file names in one directory, so that a later start (or
 * an operator) finds the same files again.
 *
 * @param directory    the state directory holding everything below
 * @param caCert       {@value #CA_CERT}, the CA certificate ({@code ca} on both sides)
 * @param caKey        {@value #CA_KEY}, the CA's private key, kept to issue further clients
 * @param serverCert   {@value #SERVER_CERT}
 * @param serverKey    {@value #SERVER_KEY}
 * @param clientCert   {@value #CLIENT_CERT}, the first client's certificate
 * @param clientKey    {@value #CLIENT_KEY}
 * @param tlsCryptKey  {@value #TLS_CRYPT_KEY}, present when it was asked for (or already there)
 * @param clientProfile {@value #CLIENT_PROFILE}, where the first client's profile goes
 */
public record PkiFiles(Path directory, Path caCert, Path caKey, Path serverCert, Path serverKey,
                       Path clientCert, Path clientKey, Optional<Path> tlsCryptKey, Path clientProfile) {

    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String CLIENT_CERT = "client1.crt";
    public static final String CLIENT_KEY = "client1.key";
    public static final String TLS_CRYPT_KEY = "tls-crypt.key";
    public static final String CLIENT_PROFILE = "client1.ovpn";

    /** Subject common names of the three certificates. */
    public static final String CA_NAME = "Sluice CA";
    public static final String SERVER_NAME = "server";
    public static final String CLIENT_NAME = "client1";

    /**
     * The six files that make up the PKI, in the order they are published: certificates first,
     * the CA key last, so that a set published only in part never looks complete.
     */
    public static final List<String> PKI_FILE_NAMES =
            List.of(CA_CERT, SERVER_CERT, CLIENT_CERT, SERVER_KEY, CLIENT_KEY, CA_KEY);

    public PkiFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(caCert, "caCert");
        Objects.requireNonNull(caKey, "caKey");
        Objects.requireNonNull(serverCert, "serverCert");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(clientCert, "clientCert");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(tlsCryptKey, "tlsCryptKey");
        Objects.requireNonNull(clientProfile, "clientProfile");
    }

    /** The layout in {@code directory}, with or without the tls-crypt key. */
    static PkiFiles in(Path directory, boolean withTlsCrypt) {
        return new PkiFiles(directory, directory.resolve(CA_CERT), directory.resolve(CA_KEY),
                directory.resolve(SERVER_CERT), directory.resolve(SERVER_KEY), directory.resolve(CLIENT_CERT),
                directory.resolve(CLIENT_KEY),
                withTlsCrypt ? Optional.of(directory.resolve(TLS_CRYPT_KEY)) : Optional.empty(),
                directory.resolve(CLIENT_PROFILE));
    }
}
