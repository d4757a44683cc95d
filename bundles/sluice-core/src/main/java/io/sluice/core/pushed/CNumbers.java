package io.sluice.core.pushed;

import java.util.OptionalLong;

/**
 * Numbers read the way OpenVPN 2.6 reads option arguments, because a server's pushed text means
 * what the C library makes of it, not what {@link Integer#parseInt} would accept.
 */
final class CNumbers {

    private CNumbers() {
    }

    /**
     * glibc's {@code atoi}: leading white space, an optional sign, then as many decimal digits as
     * follow; anything else ends the number ({@code "12abc"} is 12, {@code "abc"} is 0). It is
     * {@code (int) strtol(s)}, so a value past the range of a 64-bit long saturates first and the
     * narrowing to int then keeps the low 32 bits, as on x86_64 ({@code "4294967297"} is 1).
     */
    static int atoi(String s) {
        return (int) atol(s);
    }

    /** glibc's {@code atol}/{@code atoll} on a 64-bit system: {@code strtol}, saturating at the long range. */
    static long atol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        boolean saturated = false;
        for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            int digit = s.charAt(i) - '0';
            if (!saturated) {
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    saturated = true;
                } else {
                    value = value * 10 + digit;
                }
            }
        }
        if (saturated) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    /** options.c {@code positive_atoi}: {@link #atoi}, with negative values read as 0. */
    static int positiveAtoi(String s) {
        return Math.max(atoi(s), 0);
    }

    /**
     * The value of {@code s} if all of it is one decimal number, as {@code strtol} followed by a
     * check that the end pointer reached the end reads it (dns.c): optional white space and sign,
     * at least one digit, nothing after. Empty for anything else, and for more than 18 digits (no
     * caller accepts numbers that large).
     */
    static OptionalLong strictLong(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i != n || i - digits > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s.substring(start)));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
