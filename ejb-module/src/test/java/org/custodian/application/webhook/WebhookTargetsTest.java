package org.custodian.application.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** A fixed DNS: names resolve to what the test says, never through the network. */
    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.215.14",
            "rebind.example.com", "10.0.0.7", "metadata.example.com", "169.254.169.254",
            "internal.example.com", "192.168.1.20", "dual.example.com", "93.184.215.14");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static final WebhookTargets NO_EXCEPTIONS = new WebhookTargets("");

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.1/hook", "https://0x7f000001/hook",
            "https://0x7f.0.0.1/", "https://0177.0.0.1/", "https://2130706433/", "https://127.0.0.1./",
            "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[0:0:0:0:0:0:0:1]/",
            "https://0.0.0.0/", "https://0/", "https://[::]/", "https://169.254.169.254/latest/meta-data/",
            "https://[::ffff:169.254.169.254]/", "https://[fd00:ec2::254]/", "https://100.100.100.200/",
            "https://10.0.0.1/", "https://10.255.255.255/", "https://172.16.0.1/", "https://172.31.255.255/",
            "https://192.168.0.1/", "https://192.168.255.255/", "https://[fc00::1]/", "https://[fdff:ffff::1]/",
            "https://[fe80::1]/", "https://[febf::1]/", "https://169.254.0.1/", "https://100.64.0.1/",
            "https://100.127.255.255/", "https://224.0.0.1/", "https://239.255.255.250/", "https://[ff02::1]/",
            "https://255.255.255.255/", "https://240.0.0.1/", "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/",
            "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/", "https://[2002:c0a8:101::1]/",
            "https://192.0.0.192/", "https://198.18.0.1/", "https://rebind.example.com/",
            "https://metadata.example.com/", "https://internal.example.com/"})
    void refusesEveryNonPublicAddressInEveryForm(String url) {
        WebhookTargets.RefusedException refused = assertThrows(WebhookTargets.RefusedException.class,
                () -> NO_EXCEPTIONS.check(url, WebhookTargetsTest::resolve), url);
        assertTrue(refused.getMessage().startsWith("points to "), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/in", "https://93.184.215.14:8443/in", "https://8.8.8.8/",
            "https://172.32.0.1/", "https://172.15.255.255/", "https://100.128.0.1/", "https://100.63.255.255/",
            "https://192.169.0.1/", "https://[2606:4700::1111]/", "https://169.255.0.1/", "https://11.0.0.1/"})
    void acceptsPublicAddresses(String url) throws Exception {
        assertEquals(url, NO_EXCEPTIONS.check(url, WebhookTargetsTest::resolve).uri().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "file:///etc/passwd",
            "https://user:pw@hooks.example.com/", "https://nowhere.example.com/", "https:///path", "not a url",
            "https://hooks.example.com/#frag", "https://256.0.0.1/", "https://1.2.3.4.5/", "https://0x1ffffffff/",
            "https://08.0.0.1/", "gopher://127.0.0.1/"})
    void refusesWhatIsNotAnHttpsUrlOfAResolvableHost(String url) {
        assertThrows(WebhookTargets.RefusedException.class, () -> NO_EXCEPTIONS.check(url, WebhookTargetsTest::resolve),
                url);
    }

    @Test
    void theAllowListNamesExceptionsByRangeOrHostAndLetsThemUsePlainHttp() throws Exception {
        WebhookTargets allowed = new WebhookTargets(" 127.0.0.1/32, internal.example.com ,fd00::/8");
        assertEquals("http://127.0.0.1:8123/in",
                allowed.check("http://127.0.0.1:8123/in", WebhookTargetsTest::resolve).uri().toString());
        allowed.check("https://[::ffff:127.0.0.1]/", WebhookTargetsTest::resolve);
        allowed.check("http://internal.example.com/", WebhookTargetsTest::resolve);
        allowed.check("https://[fd00:ec2::254]/", WebhookTargetsTest::resolve);
        // only what it names: the rest of 127/8 and other private ranges stay refused
        assertThrows(WebhookTargets.RefusedException.class,
                () -> allowed.check("http://127.0.0.2/", WebhookTargetsTest::resolve));
        assertThrows(WebhookTargets.RefusedException.class,
                () -> allowed.check("https://10.0.0.1/", WebhookTargetsTest::resolve));
        // a public host is still https only
        assertThrows(WebhookTargets.RefusedException.class,
                () -> allowed.check("http://hooks.example.com/", WebhookTargetsTest::resolve));
    }

    @Test
    void aBadAllowListEntryIsAStartupError() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookTargets("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookTargets("10.0.0.300"));
    }

    @Test
    void numericHostsAreReadLikeTheCResolverReadsThem() throws Exception {
        assertEquals("127.0.0.1", WebhookTargets.numericV4("127.1").getHostAddress());
        assertEquals("127.0.0.1", WebhookTargets.numericV4("0x7f000001").getHostAddress());
        assertEquals("127.0.0.1", WebhookTargets.numericV4("0177.0.0.01").getHostAddress());
        assertEquals("10.1.0.2", WebhookTargets.numericV4("10.1.2").getHostAddress());
        assertEquals("127.0.0.1", WebhookTargets.numericV4("2130706433").getHostAddress());
        assertTrue(WebhookTargets.looksNumeric("0x7f.1"));
        assertTrue(!WebhookTargets.looksNumeric("cafe.example"));
    }
}
