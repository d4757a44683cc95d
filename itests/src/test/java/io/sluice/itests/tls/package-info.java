/**
 * Interop tests of the control channel's TLS layer ({@code io.sluice.core.tls}) against OpenSSL 3,
 * the TLS library of Debian's OpenVPN 2.6: {@code openssl s_client} and {@code openssl s_server} on
 * loopback TCP sockets, both TLS versions, both key types, client certificates, and RFC 5705
 * keying-material export as {@code key-derivation tls-ekm} uses it. They need the {@code openssl}
 * command (not root) and fail, never skip, without it.
 */
package io.sluice.itests.tls;
