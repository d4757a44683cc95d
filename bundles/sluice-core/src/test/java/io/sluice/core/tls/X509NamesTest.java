package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.junit.jupiter.api.Test;

/** Subjects printed as OpenVPN 2.6 prints them (X509_NAME_print_ex with OpenVPN's flags). */
class X509NamesTest {

    @Test
    void attributesKeepCertificateOrderWithOpenSslShortNames() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KG").addRDN(BCStyle.ST, "NA")
                .addRDN(BCStyle.L, "BISHKEK").addRDN(BCStyle.O, "OpenVPN-TEST").addRDN(BCStyle.CN, "Test-Server")
                .addRDN(BCStyle.EmailAddress, "me@myhost.mydomain").build();

        assertEquals("C=KG, ST=NA, L=BISHKEK, O=OpenVPN-TEST, CN=Test-Server, emailAddress=me@myhost.mydomain",
                X509Names.format(name));
    }

    @Test
    void multiValuedRdnsAreJoinedWithPlusInDerOrderAndCommasAreNotEscaped() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Acme, Inc.")
                .addMultiValuedRDN(new AttributeTypeAndValue[] {
                    new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("VPN")),
                    new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("gw"))})
                .build();

        // DER sorts a SET by encoding, so CN (2.5.4.3) comes before OU (2.5.4.11), as OpenSSL prints it.
        assertEquals("O=Acme, Inc., CN=gw + OU=VPN", X509Names.format(name));
    }

    @Test
    void controlCharactersAreEscapedAndUnknownAttributesUseTheirOid() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(new ASN1ObjectIdentifier("1.2.3.4.5"), new DERUTF8String("x"))
                .addRDN(BCStyle.CN, "evil\nname").build();

        assertEquals("1.2.3.4.5=x, CN=evil\\0Aname", X509Names.format(name));
    }

    @Test
    void nonAsciiNamesStayUtf8() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Jürgen").build();

        assertEquals("CN=Jürgen", X509Names.format(name));
    }

    @Test
    void remapReplacesNonPrintableCharacters() {
        assertEquals("a_b_c", X509Names.remap("a\rb\u0000c"));
    }
}
