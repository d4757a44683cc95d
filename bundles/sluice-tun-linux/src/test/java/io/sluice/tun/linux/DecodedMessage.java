package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test-side reading of one netlink message: header, a fixed family header of known size, then
 * attributes, checking lengths and padding on the way. Written independently of the builder so the
 * tests check the layout rather than echo the builder's code.
 */
record DecodedMessage(int length, int type, int flags, int seq, int pid, ByteBuffer fixed, List<Attr> attrs) {

    record Attr(int type, byte[] value) {

        int u32() {
            return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
        }
    }

    static DecodedMessage decode(byte[] msg, int fixedSize) {
        ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder());
        int len = b.getInt(0);
        if (len != msg.length) {
            throw new AssertionError("nlmsg_len " + len + " but " + msg.length + " bytes");
        }
        if (len % 4 != 0) {
            throw new AssertionError("message length not 4-aligned: " + len);
        }
        ByteBuffer fixed = ByteBuffer.wrap(msg, 16, fixedSize).slice().order(ByteOrder.nativeOrder());
        List<Attr> attrs = new ArrayList<>();
        int at = 16 + fixedSize;
        while (at < len) {
            int alen = Short.toUnsignedInt(b.getShort(at));
            int atype = Short.toUnsignedInt(b.getShort(at + 2));
            if (alen < 4 || at + alen > len) {
                throw new AssertionError("bad attribute length " + alen + " at " + at);
            }
            byte[] v = new byte[alen - 4];
            b.get(at + 4, v);
            attrs.add(new Attr(atype, v));
            int next = at + ((alen + 3) & ~3);
            for (int p = at + alen; p < next; p++) {
                if (msg[p] != 0) {
                    throw new AssertionError("non-zero padding at " + p);
                }
            }
            at = next;
        }
        return new DecodedMessage(len, Short.toUnsignedInt(b.getShort(4)), Short.toUnsignedInt(b.getShort(6)),
                b.getInt(8), b.getInt(12), fixed, attrs);
    }

    Optional<Attr> attr(int type) {
        return attrs.stream().filter(a -> a.type() == type).findFirst();
    }

    List<Integer> attrTypes() {
        return attrs.stream().map(Attr::type).toList();
    }

    int u8(int offset) {
        return Byte.toUnsignedInt(fixed.get(offset));
    }

    int u32(int offset) {
        return fixed.getInt(offset);
    }
}
