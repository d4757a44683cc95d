package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Writes OpenVPN 2.4+ AEAD data packets (crypto.c {@code openvpn_encrypt_aead}):
 *
 * <pre>
 *   [header: V1 1 byte | V2 4 bytes] [packet id, 4] [tag, 16] [ciphertext of the payload]
 * </pre>
 *
 * The nonce is the packet id followed by the key's implicit IV; the authenticated data is the
 * packet id, preceded in V2 by the 4 header bytes.
 */
final class AeadEncryptor implements DataEncryptor {

    private final CipherContext cipher;
    private final DataFraming framing;
    private final PacketIdSender ids;
    private final int tagLength;
    private final byte[] nonce;
    private final byte[] aad = new byte[8];
    private final ByteBuffer aadView = ByteBuffer.wrap(aad);
    private final byte[] tag;
    private final ByteBuffer tagView;

    AeadEncryptor(CipherContext cipher, byte[] implicitIv, DataFraming framing, PacketIdSender ids) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (cipher.spec().mode() != CipherMode.AEAD || !cipher.encrypting()) {
            throw new IllegalArgumentException("needs an encrypting AEAD context, not " + cipher.spec());
        }
        if (framing.longPacketIds() || ids.longForm()) {
            throw new IllegalArgumentException("AEAD packets use short packet ids and a P_DATA header");
        }
        if (implicitIv.length + 4 != cipher.spec().ivLength()) {
            throw new IllegalArgumentException("implicit IV must be nonce length - 4 bytes");
        }
        this.tagLength = cipher.spec().tagLength();
        this.nonce = new byte[cipher.spec().ivLength()];
        System.arraycopy(implicitIv, 0, nonce, 4, implicitIv.length);
        this.tag = new byte[tagLength];
        this.tagView = ByteBuffer.wrap(tag);
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
        int start = out.position();
        int payloadStart = payload.position();
        framing.writeHeader(out);
        out.putInt((int) id);
        int tagAt = out.position();

        putInt(nonce, 0, (int) id);
        int aadLength = 0;
        if (framing.version() == DataFraming.Version.V2) {
            // V2 authenticates the opcode, key id and peer id too.
            for (int i = start; i < tagAt; i++) {
                aad[aadLength++] = out.get(i);
            }
        } else {
            putInt(aad, 0, (int) id);
            aadLength = 4;
        }
        aadView.limit(aadLength).position(0);
        tagView.clear();
        out.position(tagAt + tagLength);
        try {
            cipher.encrypt(nonce, aadView, payload, out, tagView);
        } catch (GeneralSecurityException | RuntimeException e) {
            out.position(start);
            payload.position(payloadStart);
            return EncryptStatus.PROVIDER_ERROR;
        }
        out.put(tagAt, tag, 0, tagLength);
        return EncryptStatus.OK;
    }

    @Override
    public int packetLength(int payloadLength) {
        return framing.headerLength() + 4 + tagLength + payloadLength;
    }

    @Override
    public PacketIdSender packetIds() {
        return ids;
    }

    @Override
    public void close() {
        cipher.close();
    }

    static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }
}
