package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Writes OpenVPN's CBC data packets (crypto.c {@code openvpn_encrypt_v1}):
 *
 * <pre>
 *   [header] [HMAC, digest length] [IV, one block] [CBC-PKCS#7 of (packet id [, timestamp], payload)]
 * </pre>
 *
 * The HMAC covers the IV and the ciphertext, not the header; the packet id travels encrypted.
 * Every packet gets a fresh random IV. With {@code auth none} the HMAC is absent.
 */
final class CbcHmacEncryptor implements DataEncryptor {

    private final CipherContext cipher;
    private final HmacContext hmac;
    private final DataFraming framing;
    private final PacketIdSender ids;
    private final IvGenerator ivs;
    private final int blockSize;
    private final int macLength;
    private final byte[] iv;
    private final byte[] mac;
    private byte[] plain = new byte[2048];
    private ByteBuffer plainView = ByteBuffer.wrap(plain);

    CbcHmacEncryptor(CipherContext cipher, HmacContext hmacOrNull, DataFraming framing, PacketIdSender ids,
                     IvGenerator ivs) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.hmac = hmacOrNull;
        this.framing = Objects.requireNonNull(framing, "framing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.ivs = Objects.requireNonNull(ivs, "ivs");
        if (cipher.spec().mode() != CipherMode.CBC || !cipher.encrypting()) {
            throw new IllegalArgumentException("needs an encrypting CBC context, not " + cipher.spec());
        }
        if (framing.longPacketIds() != ids.longForm()) {
            throw new IllegalArgumentException("static-key framing and long packet ids go together");
        }
        this.blockSize = cipher.spec().blockSize();
        this.macLength = hmacOrNull == null ? 0 : hmacOrNull.spec().length();
        this.iv = new byte[cipher.spec().ivLength()];
        this.mac = new byte[macLength];
    }

    @Override
    public EncryptStatus encrypt(ByteBuffer payload, ByteBuffer out) {
        int length = payload.remaining();
        if (length == 0) {
            return EncryptStatus.EMPTY_PAYLOAD;
        }
        if (out.remaining() < packetLength(length)) {
            return EncryptStatus.OUTPUT_TOO_SMALL;
        }
        long id = ids.next();
        if (id == PacketIdSender.EXHAUSTED) {
            return EncryptStatus.PACKET_IDS_EXHAUSTED;
        }
        int plainLength = framing.packetIdLength() + length;
        if (plain.length < plainLength) {
            // Grows to the largest payload seen, then stays: no allocation in steady state.
            plain = new byte[Math.max(plainLength, plain.length * 2)];
            plainView = ByteBuffer.wrap(plain);
        }
        AeadEncryptor.putInt(plain, 0, (int) id);
        if (framing.longPacketIds()) {
            AeadEncryptor.putInt(plain, 4, (int) ids.time());
        }
        int payloadStart = payload.position();
        payload.get(plain, framing.packetIdLength(), length);
        plainView.limit(plainLength).position(0);

        int start = out.position();
        framing.writeHeader(out);
        int macAt = out.position();
        int ivAt = macAt + macLength;
        ivs.next(iv);
        out.position(ivAt);
        out.put(iv);
        try {
            cipher.encrypt(iv, null, plainView, out, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            out.position(start);
            payload.position(payloadStart);
            return EncryptStatus.PROVIDER_ERROR;
        }
        if (hmac != null) {
            int end = out.position();
            int limit = out.limit();
            out.limit(end).position(ivAt);
            hmac.update(out);
            out.limit(limit);
            hmac.finish(mac, 0);
            out.put(macAt, mac, 0, macLength);
        }
        return EncryptStatus.OK;
    }

    @Override
    public int packetLength(int payloadLength) {
        int plainLength = framing.packetIdLength() + payloadLength;
        // PKCS#7 always pads, a whole block when the length is already a multiple.
        int cipherLength = (plainLength / blockSize + 1) * blockSize;
        return framing.headerLength() + macLength + iv.length + cipherLength;
    }

    @Override
    public PacketIdSender packetIds() {
        return ids;
    }

    @Override
    public void close() {
        cipher.close();
        if (hmac != null) {
            hmac.close();
        }
    }
}
