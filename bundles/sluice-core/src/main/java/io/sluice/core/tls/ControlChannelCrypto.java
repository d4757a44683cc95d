package io.sluice.core.tls;

import java.security.SecureRandom;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's lightweight TLS crypto, with GCM records sealed without multiplication tables.
 *
 * <p>By default each GCM record cipher precomputes a 4 KB table per key (Tables4kGCMMultiplier):
 * four such ciphers per session, some 19 KB of heap, held as long as the session lives, and
 * their computation at every handshake. The control channel carries the handshake and a few
 * short messages per session lifetime, so table-free multiplication costs nothing noticeable
 * there, while a server holding 10,000 sessions keeps about 190 MB less heap.
 */
final class ControlChannelCrypto extends BcTlsCrypto {

    ControlChannelCrypto(SecureRandom random) {
        super(random);
    }

    @Override
    protected AEADBlockCipher createGCMMode(BlockCipher engine) {
        return GCMBlockCipher.newInstance(engine, new BasicGCMMultiplier());
    }
}
