package io.sluice.config;

import java.util.Optional;

/**
 * Key renegotiation and replay protection. Defaults are OpenVPN's: reneg-sec 3600, replay window
 * 64 packets / 15 s, hand-window 60, tran-window 3600; the packet limit is 0 when unset, the byte
 * limit -1 (as in OpenVPN, which lowers an unset byte limit to 64 MB for 64-bit block ciphers
 * against SWEET32; 0 or more is the user's own choice).
 */
public record Renegotiation(int renegSec, Optional<Integer> renegSecMin, long renegBytes, long renegPkts,
                            int replayWindow, int replayTime, int handWindow, int tranWindow) {
}
