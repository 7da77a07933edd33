package org.custodian.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private final ForwardedFor behindProxies = ForwardedFor.parse("10.0.0.0/8, 127.0.0.1, ::1/128");

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        ForwardedFor none = ForwardedFor.parse("");
        assertEquals("127.0.0.1", none.clientOf("127.0.0.1", List.of("for=192.0.2.1"), List.of("192.0.2.1")));
        assertEquals("127.0.0.1", ForwardedFor.parse(null).clientOf("127.0.0.1", List.of(), List.of("192.0.2.1")));
    }

    @Test
    void aRequestNotFromATrustedProxyIsItsOwnClientWhateverItClaims() {
        assertEquals("203.0.113.7", behindProxies.clientOf("203.0.113.7", List.of(), List.of("192.0.2.1")));
    }

    @Test
    void theRightmostHopThatIsNotATrustedProxyIsTheClient() {
        // the client wrote 1.1.1.1 itself; 198.51.100.4 connected to our first proxy (10.0.0.5)
        assertEquals("198.51.100.4", behindProxies.clientOf("10.0.0.9", List.of(),
                List.of("1.1.1.1, 198.51.100.4", "10.0.0.5")));
        assertEquals("198.51.100.4", behindProxies.clientOf("127.0.0.1", List.of(), List.of("198.51.100.4")));
    }

    @Test
    void forwardedIsPreferredAndItsQuotedPortedAndBracketedFormsAreRead() {
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxies.clientOf("10.0.0.9",
                List.of("for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.5"), List.of("192.0.2.99")));
        assertEquals("192.0.2.43", behindProxies.clientOf("10.0.0.9", List.of("For=192.0.2.43:47011"), List.of()));
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalkAtTheProxyThatReportedIt() {
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.9", List.of(), List.of("unknown, 10.0.0.5")));
        assertEquals("10.0.0.9", behindProxies.clientOf("10.0.0.9", List.of("for=_hidden"), List.of()));
        // never a name lookup
        assertEquals("10.0.0.9", behindProxies.clientOf("10.0.0.9", List.of(), List.of("example.com")));
    }

    @Test
    void onlyTrustedHopsMeansTheLeftmostIsTheClient() {
        assertEquals("10.1.2.3", behindProxies.clientOf("127.0.0.1", List.of(), List.of("10.1.2.3, 10.0.0.5")));
    }

    @Test
    void blocksMatchByPrefix() {
        Cidr block = Cidr.parse("192.168.16.0/20");
        assertEquals(true, block.contains(ForwardedFor.literal("192.168.31.255").orElseThrow()));
        assertEquals(false, block.contains(ForwardedFor.literal("192.168.32.0").orElseThrow()));
        assertEquals(false, block.contains(ForwardedFor.literal("::1").orElseThrow()));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("proxy.example"));
    }
}
