package io.sluice.bench.jmh;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.RejectCounters;
import io.sluice.core.wire.SessionId;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one P_CONTROL_V1 packet carrying two acks, without control-channel
 * protection (tls-auth and tls-crypt cost their cipher on top), for a small TLS record and one
 * as large as the control channel sends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ControlCodecBenchmark {

    @Param({"100", "1200"})
    public int payloadSize;

    private final ControlCodec codec = ControlCodec.plain(new RejectCounters());
    private ControlPacket packet;
    private ByteBuffer out;
    private ByteBuffer encoded;

    @Setup
    public void packet() {
        Random random = new Random(6);
        byte[] payload = new byte[payloadSize];
        random.nextBytes(payload);
        packet = new ControlPacket(Opcode.P_CONTROL_V1, 0, SessionId.random(random),
                AckRecord.of(SessionId.random(random), 7, 8), 9, payload);
        out = ByteBuffer.allocate(codec.maxEncodedLength(packet));
        encoded = ByteBuffer.allocate(codec.maxEncodedLength(packet));
        codec.encode(packet, encoded);
        encoded.flip();
    }

    @Benchmark
    public int encode() {
        out.clear();
        return codec.encode(packet, out);
    }

    @Benchmark
    public ControlMessage decode() {
        Decoded<ControlMessage> d = codec.decode(encoded);
        if (!d.isOk()) {
            throw new IllegalStateException("decoding failed: " + d);
        }
        return d.value();
    }
}
