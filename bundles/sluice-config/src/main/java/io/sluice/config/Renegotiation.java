package io.sluice.config;

import java.util.Optional;

/**
 * Key renegotiation and replay protection. Defaults are OpenVPN's: reneg-sec 3600, replay window
 * 64 packets / 15 s, hand-window 60, tran-window 3600; byte and packet limits are 0 when unset.
 */
public record Renegotiation(int renegSec, Optional<Integer> renegSecMin, long renegBytes, long renegPkts,
                            int replayWindow, int replayTime, int handWindow, int tranWindow) {
}
