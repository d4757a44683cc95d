package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * Opens AEAD data packets (crypto.c {@code openvpn_decrypt_aead}; layout in {@link AeadEncryptor}).
 * Like OpenVPN it accepts both {@code P_DATA_V1} and {@code P_DATA_V2} under its key id,
 * whichever the peer sends. The replay window is asked before decrypting, so a replayed packet
 * costs no cryptography, and told only after the tag proved the packet authentic.
 */
final class AeadDecryptor implements DataDecryptor {

    private static final int PACKET_ID_LENGTH = 4;

    private final CipherContext cipher;
    private final int keyId;
    private final ReplayWindow replay;
    private final int tagLength;
    private final byte[] nonce;
    private final byte[] aad = new byte[8];
    private final ByteBuffer aadView = ByteBuffer.wrap(aad);
    private final byte[] tag;
    private final ByteBuffer tagView;
    private final DecryptCounters counters = new DecryptCounters();
    private long lastPacketId;

    AeadDecryptor(CipherContext cipher, byte[] implicitIv, DataFraming framing, ReplayWindow replay) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.replay = Objects.requireNonNull(replay, "replay");
        if (cipher.spec().mode() != CipherMode.AEAD || cipher.encrypting()) {
            throw new IllegalArgumentException("needs a decrypting AEAD context, not " + cipher.spec());
        }
        if (framing.longPacketIds()) {
            throw new IllegalArgumentException("AEAD packets use short packet ids and a P_DATA header");
        }
        if (implicitIv.length + PACKET_ID_LENGTH != cipher.spec().ivLength()) {
            throw new IllegalArgumentException("implicit IV must be nonce length - 4 bytes");
        }
        this.keyId = framing.keyId();
        this.tagLength = cipher.spec().tagLength();
        this.nonce = new byte[cipher.spec().ivLength()];
        System.arraycopy(implicitIv, 0, nonce, PACKET_ID_LENGTH, implicitIv.length);
        this.tag = new byte[tagLength];
        this.tagView = ByteBuffer.wrap(tag);
    }

    @Override
    public DecryptStatus decrypt(ByteBuffer packet, ByteBuffer out) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < 1) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        byte first = packet.get(start);
        int headerLength;
        int aadStart;
        switch (DataFraming.opcode(first)) {
            case DataFraming.P_DATA_V2 -> {
                headerLength = DataFraming.Version.V2.headerLength();
                aadStart = start;
            }
            case DataFraming.P_DATA_V1 -> {
                headerLength = DataFraming.Version.V1.headerLength();
                aadStart = start + headerLength;
            }
            default -> {
                return counters.record(DecryptStatus.NOT_DATA_PACKET);
            }
        }
        if (DataFraming.keyId(first) != keyId) {
            return counters.record(DecryptStatus.WRONG_KEY_ID);
        }
        int idAt = start + headerLength;
        int tagAt = idAt + PACKET_ID_LENGTH;
        int bodyAt = tagAt + tagLength;
        if (end < bodyAt) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        if (end == bodyAt) {
            return counters.record(DecryptStatus.EMPTY_PAYLOAD);
        }
        if (out.remaining() < end - bodyAt) {
            return counters.record(DecryptStatus.OUTPUT_TOO_SMALL);
        }
        long id = packet.getInt(idAt) & 0xFFFF_FFFFL;
        DecryptStatus fresh = replay.test(id, 0);
        if (fresh != DecryptStatus.OK) {
            return counters.record(fresh);
        }

        int aadLength = tagAt - aadStart;
        for (int i = 0; i < aadLength; i++) {
            aad[i] = packet.get(aadStart + i);
        }
        aadView.limit(aadLength).position(0);
        packet.get(tagAt, tag, 0, tagLength);
        tagView.clear();
        for (int i = 0; i < PACKET_ID_LENGTH; i++) {
            nonce[i] = packet.get(idAt + i);
        }

        int outStart = out.position();
        packet.position(bodyAt);
        try {
            cipher.decrypt(nonce, aadView, packet, tagView, out);
        } catch (AEADBadTagException e) {
            return drop(packet, start, out, outStart, DecryptStatus.BAD_TAG);
        } catch (GeneralSecurityException e) {
            return drop(packet, start, out, outStart, DecryptStatus.DECRYPT_FAILED);
        } catch (RuntimeException e) {
            return drop(packet, start, out, outStart, DecryptStatus.PROVIDER_ERROR);
        }
        replay.add(id, 0);
        lastPacketId = id;
        packet.position(end);
        return counters.record(DecryptStatus.OK);
    }

    private DecryptStatus drop(ByteBuffer packet, int start, ByteBuffer out, int outStart, DecryptStatus why) {
        packet.position(start);
        out.position(outStart);
        return counters.record(why);
    }

    @Override
    public long lastPacketId() {
        return lastPacketId;
    }

    @Override
    public long count(DecryptStatus status) {
        return counters.count(status);
    }

    @Override
    public void close() {
        cipher.close();
    }
}
