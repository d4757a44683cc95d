package io.sluice.bench.jmh;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.data.DataChannelCrypto;
import io.sluice.core.data.DataDecryptor;
import io.sluice.core.data.DataEncryptor;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.data.PacketIdSender;
import io.sluice.core.data.ReplayWindow;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.time.Clock;
import io.sluice.crypto.jce.JceCipherProvider;
import io.sluice.crypto.jce.JceDigestProvider;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One data packet sealed, and one sealed and opened again, per cipher and payload size, as a
 * TLS-mode tunnel does it: P_DATA_V2 framing, short packet ids, the replay window on the opening
 * side, CBC with HMAC-SHA256 and random IVs.
 *
 * <p>Opening is measured together with sealing because the replay window refuses a packet it
 * has seen: every opened packet must be fresh. Opening alone costs the difference of the two.
 * The long warm-up is needed: the JDK's AES-GCM takes some seconds to reach its compiled,
 * intrinsic form (a 1400-byte AES-256-GCM packet went from 16 µs to 3.5 µs on 2 cores).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataChannelBenchmark {

    @Param({"AES-128-GCM", "AES-256-GCM", "CHACHA20-POLY1305", "AES-256-CBC"})
    public String cipher;

    /** A TCP ack, a typical small packet, and a full 1500-byte tunnel MTU's worth. */
    @Param({"64", "512", "1400"})
    public int payloadSize;

    private DataEncryptor encryptor;
    private DataDecryptor decryptor;
    private ByteBuffer payload;
    private ByteBuffer sealed;
    private ByteBuffer opened;

    @Setup(Level.Trial)
    public void keys() throws Exception {
        SecureRandom random = new SecureRandom();
        JceCipherProvider ciphers = JceCipherProvider.standalone();
        JceDigestProvider digests = JceDigestProvider.standalone();
        CipherSpec spec = ciphers.spec(cipher).orElseThrow();
        DigestSpec auth = spec.mode() == CipherMode.AEAD ? null : digests.spec("SHA256").orElseThrow();
        byte[] material = new byte[Key2.LENGTH];
        random.nextBytes(material);
        // Bidirectional: what this side seals, this side opens.
        DataChannelKeys keys = DataChannelKeys.select(Key2.of(material), KeyDirection.BIDIRECTIONAL, spec, auth);
        DataFraming framing = DataFraming.v2(0, 0);
        encryptor = DataChannelCrypto.encryptor(ciphers, digests, spec, auth, keys.encrypt(), framing,
                PacketIdSender.shortForm(), random::nextBytes);
        decryptor = DataChannelCrypto.decryptor(ciphers, digests, spec, auth, keys.decrypt(), framing,
                ReplayWindow.withDefaults(Clock.system()));
        byte[] bytes = new byte[payloadSize];
        random.nextBytes(bytes);
        payload = ByteBuffer.wrap(bytes);
        sealed = ByteBuffer.allocate(payloadSize + 512);
        opened = ByteBuffer.allocate(payloadSize + 512);
    }

    @TearDown(Level.Trial)
    public void forget() {
        encryptor.close();
        decryptor.close();
    }

    @Benchmark
    public int encrypt() {
        return seal();
    }

    @Benchmark
    public int encryptThenDecrypt() {
        seal();
        opened.clear();
        DecryptStatus status = decryptor.decrypt(sealed, opened);
        if (status != DecryptStatus.OK) {
            throw new IllegalStateException("opening failed: " + status);
        }
        return opened.position();
    }

    private int seal() {
        payload.clear();
        sealed.clear();
        EncryptStatus status = encryptor.encrypt(payload, sealed);
        if (status != EncryptStatus.OK) {
            throw new IllegalStateException("sealing failed: " + status);
        }
        sealed.flip();
        return sealed.remaining();
    }
}
