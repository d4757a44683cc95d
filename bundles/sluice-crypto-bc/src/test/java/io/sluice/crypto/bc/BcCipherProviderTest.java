package io.sluice.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The provider offers the three legacy ciphers by OpenVPN name, and DS registers it so. */
class BcCipherProviderTest {

    private static final List<String> NAMES = List.of("BF-CBC", "DES-EDE3-CBC", "CAST5-CBC");

    private final CipherProvider provider = new BcCipherProvider();

    @Test
    void itOffersBlowfishTripleDesAndCast5InThatOrder() {
        assertEquals(NAMES, List.copyOf(provider.ciphers()));
        assertThrows(UnsupportedOperationException.class, () -> provider.ciphers().add("AES-128-CBC"));
    }

    @Test
    void specsCarryOpenVpnsNamesAndLengths() {
        // As openvpn --providers legacy default --show-ciphers prints them: key bits, 64-bit block.
        assertEquals(new CipherSpec("BF-CBC", CipherMode.CBC, 16, 8, 8, 0), provider.spec("BF-CBC").orElseThrow());
        assertEquals(new CipherSpec("DES-EDE3-CBC", CipherMode.CBC, 24, 8, 8, 0), provider.spec("DES-EDE3-CBC").orElseThrow());
        assertEquals(new CipherSpec("CAST5-CBC", CipherMode.CBC, 16, 8, 8, 0), provider.spec("CAST5-CBC").orElseThrow());
        for (String name : NAMES) {
            assertTrue(provider.spec(name).orElseThrow().needsHmac(), name);
        }
    }

    @Test
    void namesAreLookedUpWhateverTheirCase() throws Exception {
        assertEquals("BF-CBC", provider.spec("bf-cbc").orElseThrow().name());
        assertEquals("DES-EDE3-CBC", provider.spec("des-ede3-cbc").orElseThrow().name());
        assertEquals("CAST5-CBC", provider.spec("Cast5-Cbc").orElseThrow().name());
        try (CipherContext context = provider.create("bf-cbc", new byte[16], true)) {
            assertEquals("BF-CBC", context.spec().name());
            assertTrue(context.encrypting());
        }
        try (CipherContext context = provider.create("des-EDE3-cbc", new byte[24], false)) {
            assertEquals("DES-EDE3-CBC", context.spec().name());
        }
    }

    @Test
    void aCipherItDoesNotOfferHasNoSpecAndNoContext() {
        // Other modes and key lengths of the same ciphers, OpenVPN's aliases, what JCE offers.
        for (String name : new String[] {"BF-CFB", "BF-OFB", "DES-EDE-CBC", "DES-CBC", "CAST5-CFB", "BLOWFISH", "BF",
                "AES-128-CBC", "AES-256-GCM", "none", ""}) {
            assertEquals(Optional.empty(), provider.spec(name), name);
            assertThrows(NoSuchAlgorithmException.class, () -> provider.create(name, new byte[16], true), name);
        }
    }

    @Test
    void aMissingKeyIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> provider.create("BF-CBC", null, true));
    }

    /**
     * What Service Component Runtime will read: the descriptor bnd generated from the
     * annotations, in the build output. DS registers the service with these properties.
     */
    @Test
    void dsRegistersACipherProviderListingItsNamesRankedBelowTheJceProvider() throws Exception {
        String descriptor = "OSGI-INF/" + BcCipherProvider.class.getName() + ".xml";
        Document xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(descriptor)) {
            assertNotNull(in, descriptor + " is missing: the bnd-maven-plugin writes it when the module is built");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(in);
        }

        Element component = xml.getDocumentElement();
        assertEquals(BcCipherProvider.class.getName(), element(xml, "implementation").getAttribute("class"));
        assertEquals(CipherProvider.class.getName(), element(xml, "provide").getAttribute("interface"));
        Map<String, Element> properties = new HashMap<>();
        NodeList list = component.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element property = (Element) list.item(i);
            properties.put(property.getAttribute("name"), property);
        }

        Element ciphers = properties.get(CipherProvider.CIPHERS);
        assertEquals("String", ciphers.getAttribute("type"));
        assertEquals(new ArrayList<>(provider.ciphers()), List.of(ciphers.getTextContent().trim().split("\\s*\\n\\s*")),
                "a multi-line String property is a String[] in DS");
        Element ranking = properties.get("service.ranking");
        assertEquals("Integer", ranking.getAttribute("type"));
        assertEquals(BcCipherProvider.RANKING, Integer.parseInt(ranking.getAttribute("value")));
        // The JCE provider registers without service.ranking, which the framework reads as 0.
        assertTrue(BcCipherProvider.RANKING < 0);
    }

    private static Element element(Document xml, String name) {
        NodeList found = xml.getElementsByTagName(name);
        assertEquals(1, found.getLength(), name);
        return (Element) found.item(0);
    }
}
