package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.util.Objects;

/** An IPv4 address in a {@code route} or {@code route-gateway}: literal, or a {@link SpecialAddress}. */
public sealed interface RouteAddress {

    /** A dotted quad as written. */
    record Literal(Inet4Address address) implements RouteAddress {
        public Literal {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return address.getHostAddress();
        }
    }

    /** A word resolved when the routes are planned. */
    record Special(SpecialAddress which) implements RouteAddress {
        public Special {
            Objects.requireNonNull(which, "which");
        }

        @Override
        public String toString() {
            return which.word();
        }
    }

    static RouteAddress of(Inet4Address address) {
        return new Literal(address);
    }

    static RouteAddress of(SpecialAddress which) {
        return new Special(which);
    }
}
