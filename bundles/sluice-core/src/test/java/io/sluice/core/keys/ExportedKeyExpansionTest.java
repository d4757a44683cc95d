package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportedKeyExpansionTest {

    private static final CipherSpec AES_128_GCM = new CipherSpec("AES-128-GCM", CipherMode.AEAD, 16, 12, 1, 16);

    @Test
    void asksTheTlsLayerFor256BytesUnderOpenVpnsDataKeysLabel() {
        List<String> labels = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();

        ExportedKeyExpansion.expand((label, out) -> {
            labels.add(label);
            lengths.add(out.length);
            Arrays.fill(out, (byte) 1);
        });

        assertEquals(List.of("EXPORTER-OpenVPN-datakeys"), labels);
        assertEquals(List.of(256), lengths);
    }

    @Test
    void exportedBytesAreTheKeyBlockAsIsWithTheUsualDirections() throws Exception {
        byte[] exported = new byte[256];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        Key2 key2 = ExportedKeyExpansion.expand((label, out) -> System.arraycopy(exported, 0, out, 0, out.length));

        DataChannelKeys client = DataChannelKeys.select(key2, KeyDirection.forTls(false), AES_128_GCM, null);
        DataChannelKeys server = DataChannelKeys.select(key2, KeyDirection.forTls(true), AES_128_GCM, null);

        assertArrayEquals(Arrays.copyOfRange(exported, 0, 16), client.encrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(exported, 64, 72), client.encrypt().implicitIv());
        assertArrayEquals(Arrays.copyOfRange(exported, 128, 144), server.encrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(exported, 192, 200), server.encrypt().implicitIv());
    }
}
