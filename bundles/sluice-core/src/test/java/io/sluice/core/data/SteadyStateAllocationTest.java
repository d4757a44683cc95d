package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.time.FakeClock;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The data path allocates nothing per packet once warmed up: measured with the JVM's per-thread
 * allocation counter around many packets through allocation-free toy crypto, so whatever is
 * counted is the engine's own. A per-packet allocation of even one small object would add
 * hundreds of kilobytes over the run; the bound leaves room only for one-off noise.
 */
class SteadyStateAllocationTest {

    private static final int PACKETS = 20_000;
    private static final long ONE_OFF_ALLOWANCE = 16 * 1024;

    private static long allocatedByThisThread() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assertTrue(bean instanceof com.sun.management.ThreadMXBean, "needs the HotSpot allocation counter");
        return ((com.sun.management.ThreadMXBean) bean).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long run(DataEncryptor e, DataDecryptor d, int packets) {
        ByteBuffer payload = ByteBuffer.allocate(1400);
        ByteBuffer wire = ByteBuffer.allocate(1600);
        ByteBuffer plain = ByteBuffer.allocate(1600);
        long before = allocatedByThisThread();
        for (int i = 0; i < packets; i++) {
            payload.clear().limit(1 + i % 1400);
            wire.clear();
            assertEquals(EncryptStatus.OK, e.encrypt(payload, wire));
            wire.flip();
            plain.clear();
            assertEquals(DecryptStatus.OK, d.decrypt(wire, plain));
        }
        return allocatedByThisThread() - before;
    }

    @Test
    void aeadEncryptAndDecryptAllocateNothingPerPacket() {
        DataFraming framing = DataFraming.v2(1, 42);
        DataEncryptor e = new AeadEncryptor(AllocationFreeCrypto.aead(true), new byte[8], framing,
                PacketIdSender.shortForm());
        DataDecryptor d = new AeadDecryptor(AllocationFreeCrypto.aead(false), new byte[8], framing,
                ReplayWindow.withDefaults(new FakeClock()));
        run(e, d, 2_000);

        long allocated = run(e, d, PACKETS);

        assertTrue(allocated < ONE_OFF_ALLOWANCE, allocated + " bytes allocated over " + PACKETS + " packets");
    }

    @Test
    void cbcHmacEncryptAndDecryptAllocateNothingPerPacket() {
        DataFraming framing = DataFraming.v1(0);
        DataEncryptor e = new CbcHmacEncryptor(AllocationFreeCrypto.cbc(true), AllocationFreeCrypto.hmac(), framing,
                PacketIdSender.shortForm(), iv -> iv[0]++);
        DataDecryptor d = new CbcHmacDecryptor(AllocationFreeCrypto.cbc(false), AllocationFreeCrypto.hmac(), framing,
                ReplayWindow.withDefaults(new FakeClock()));
        run(e, d, 2_000);

        long allocated = run(e, d, PACKETS);

        assertTrue(allocated < ONE_OFF_ALLOWANCE, allocated + " bytes allocated over " + PACKETS + " packets");
    }
}
