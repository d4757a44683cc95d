package io.sluice.core.pushed;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Option numbers mean what glibc's atoi and strtol make of them. */
class CNumbersTest {

    @Test
    void atoiReadsLeadingDigitsAfterBlanksAndSign() {
        assertEquals(12, CNumbers.atoi("12abc"));
        assertEquals(0, CNumbers.atoi("abc"));
        assertEquals(-7, CNumbers.atoi(" \t-7"));
        assertEquals(5, CNumbers.atoi("+5"));
        assertEquals(0, CNumbers.atoi(""));
    }

    @Test
    void atoiOfHugeNumbersSaturatesAsALongThenKeepsTheLow32Bits() {
        assertEquals(1, CNumbers.atoi("4294967297"));
        assertEquals(-1, CNumbers.atoi("99999999999999999999"));
        assertEquals(0, CNumbers.atoi("-99999999999999999999"));
        assertEquals(Long.MAX_VALUE, CNumbers.atol("99999999999999999999"));
    }

    @Test
    void positiveAtoiReadsNegativeAsZero() {
        assertEquals(0, CNumbers.positiveAtoi("-3"));
        assertEquals(3, CNumbers.positiveAtoi("3"));
    }

    @Test
    void strictLongWantsTheWholeWordToBeANumber() {
        assertEquals(OptionalLong.of(-128), CNumbers.strictLong("-128"));
        assertEquals(OptionalLong.of(853), CNumbers.strictLong(" 853"));
        assertEquals(OptionalLong.empty(), CNumbers.strictLong("853x"));
        assertEquals(OptionalLong.empty(), CNumbers.strictLong("-"));
        assertEquals(OptionalLong.empty(), CNumbers.strictLong("1234567890123456789"));
    }
}
