package io.sluice.core.events;

import io.sluice.core.pool.AddressText;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** The positional arguments OpenVPN 2.6 appends to a script's own, and its address texts. */
final class ScriptArguments {

    private ScriptArguments() {
    }

    /**
     * init.c {@code run_up_down}, for up, down and route-pre-down: device, tun MTU, {@code 0}
     * (where {@code link_mtu} was until 2.6), the {@code ifconfig} local address and peer or
     * netmask (empty words when there is no IPv4 address), then {@code init} or {@code restart}.
     */
    static List<String> upDown(DeviceFacts device, String context) {
        return List.of(device.name(), Integer.toString(device.mtu()), "0", device.local().map(ScriptArguments::text)
                .orElse(""), device.remoteOrNetmask().map(ScriptArguments::text).orElse(""), context);
    }

    /**
     * socket.c {@code ipchange_fmt}: the address and port as one word, with the family in front,
     * {@code [AF_INET]198.51.100.7 1194}. (OpenVPN 2.4 passed address and port as two words, as
     * the manual still says; since 2.5 {@code argv_printf_cat} keeps the blank inside one word,
     * and 2.6 does the same, so scripts written for 2.6 get what they expect.)
     */
    static String ipchange(InetSocketAddress peer) {
        InetAddress a = peer.getAddress();
        String family = a instanceof Inet6Address ? "[AF_INET6]" : "[AF_INET]";
        return family + text(a) + " " + peer.getPort();
    }

    /** An address as {@code inet_ntoa} or {@code getnameinfo(NI_NUMERICHOST)} prints it. */
    static String text(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        Inet6Address v6 = (Inet6Address) a;
        String text = AddressText.formatIpv6(v6.getAddress());
        Optional<String> scope = scope(v6);
        return scope.map(s -> text + "%" + s).orElse(text);
    }

    private static Optional<String> scope(Inet6Address a) {
        if (a.getScopedInterface() != null) {
            return Optional.of(a.getScopedInterface().getName());
        }
        return a.getScopeId() != 0 ? Optional.of(Integer.toString(a.getScopeId())) : Optional.empty();
    }
}
