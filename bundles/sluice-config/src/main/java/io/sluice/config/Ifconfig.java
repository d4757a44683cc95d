package io.sluice.config;

/**
 * Local tunnel addressing: {@code ifconfig local remote-or-netmask}. With topology subnet or a
 * tap device the second value is a netmask, otherwise the peer address.
 */
public record Ifconfig(String local, String remoteOrNetmask) {
}
