package io.sluice.api.pool;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/** The addresses from {@code first} to {@code last}, both included, of one family. */
public record AddressRange(InetAddress first, InetAddress last) {

    public AddressRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.getAddress().length != last.getAddress().length) {
            throw new IllegalArgumentException("first and last are of different families");
        }
        if (new BigInteger(1, first.getAddress()).compareTo(new BigInteger(1, last.getAddress())) > 0) {
            throw new IllegalArgumentException("range ends before it starts: " + first.getHostAddress()
                    + " - " + last.getHostAddress());
        }
    }

    /** How many addresses the range holds. */
    public BigInteger size() {
        return new BigInteger(1, last.getAddress()).subtract(new BigInteger(1, first.getAddress())).add(BigInteger.ONE);
    }
}
