package org.custodian.application.webhook;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Server-side request forgery rules for webhook targets (docs/security.md, "Webhooks"). A target must be an
 * {@code https} URL (plain {@code http} only where the allow-list names it) whose host resolves only to public
 * addresses: loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast, unspecified, reserved, the cloud
 * metadata addresses and IPv6 forms that embed any of those (IPv4-mapped, -compatible, NAT64, 6to4) are refused,
 * unless the administrator's allow-list ({@code custodian.webhook.allowed-targets}: host names, addresses, CIDRs)
 * names the host or covers every address. Numeric hosts are read the way the C resolver reads them
 * ({@code 127.1}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 2130706433}), so no spelling slips past.
 */
public final class WebhookTargets {

    /** Resolves a host name to its addresses (the JVM's resolver in production; a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A refused target, with the reason in words an integrator understands. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /** A checked target: the URI and the addresses it was checked for. */
    public record Checked(URI uri, List<InetAddress> addresses) {
    }

    private static final Pattern NUMERIC_PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Set<String> METADATA = Set.of("169.254.169.254", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254",
            "169.254.170.2");

    private final Set<String> allowedHosts = new TreeSet<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    /** @param allowList comma-separated host names, addresses and CIDRs (empty or null: no exceptions) */
    public WebhookTargets(String allowList) {
        if (allowList == null) {
            return;
        }
        for (String entry : allowList.split(",")) {
            String item = entry.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            Optional<Cidr> range = Cidr.parse(item);
            if (range.isPresent()) {
                allowedRanges.add(range.get());
            } else {
                allowedHosts.add(stripDot(item));
            }
        }
    }

    /** Checks a target URL; every address its host resolves to must pass (or the allow-list names the host). */
    public Checked check(String url, Resolver resolver) throws RefusedException {
        if (url == null || url.isBlank()) {
            throw new RefusedException("is required: the https URL to send events to");
        }
        if (url.length() > 2000) {
            throw new RefusedException("is longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedException("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedException("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedException("must not carry a user name or password; the signature authenticates us");
        }
        // java.net.URI leaves the host out of forms such as 127.1 (not a host name by RFC 2396); the resolver
        // would still read them, so they are checked from the authority as it stands
        String rawHost = uri.getHost() != null ? uri.getHost() : hostOfAuthority(uri.getRawAuthority());
        if (rawHost == null || rawHost.isEmpty()) {
            throw new RefusedException("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedException("must not have a fragment (#...)");
        }
        String host = stripDot(unbracket(rawHost.toLowerCase(Locale.ROOT)));
        boolean hostAllowed = allowedHosts.contains(host);
        List<InetAddress> addresses = resolve(host, resolver);
        boolean rangesAllowed = true;
        for (InetAddress address : addresses) {
            boolean inRange = allowedRanges.stream().anyMatch(range -> range.contains(address));
            rangesAllowed &= inRange;
            if (!hostAllowed && !inRange) {
                Optional<String> why = refusal(address);
                if (why.isPresent()) {
                    throw new RefusedException("points to " + why.get() + " (" + host + " is "
                            + address.getHostAddress() + "); only public addresses are allowed unless the"
                            + " administrator's allow-list (custodian.webhook.allowed-targets) names the target");
                }
            }
        }
        if (scheme.equals("http") && !hostAllowed && !rangesAllowed) {
            throw new RefusedException("must be an https URL; plain http only for targets on the administrator's"
                    + " allow-list (custodian.webhook.allowed-targets)");
        }
        return new Checked(uri, addresses);
    }

    private static List<InetAddress> resolve(String host, Resolver resolver) throws RefusedException {
        if (host.contains(":")) {
            try {
                return List.of(InetAddress.getByName(host)); // an IPv6 literal: no lookup
            } catch (UnknownHostException e) {
                throw new RefusedException("has an IPv6 address that is not valid: " + host);
            }
        }
        if (looksNumeric(host)) {
            return List.of(numericV4(host));
        }
        try {
            InetAddress[] found = resolver.resolve(host);
            if (found == null || found.length == 0) {
                throw new RefusedException("names a host that does not resolve: " + host);
            }
            return List.of(found);
        } catch (UnknownHostException e) {
            throw new RefusedException("names a host that does not resolve: " + host);
        }
    }

    /** Whether the resolver would read this host as an IPv4 address (1 to 4 decimal, octal or hex parts). */
    static boolean looksNumeric(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return false;
        }
        for (String part : parts) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Reads a numeric host as inet_aton does: a.b.c.d, a.b.c (c 16 bits), a.b (b 24 bits), a (32 bits). */
    static InetAddress numericV4(String host) throws RefusedException {
        String[] parts = host.split("\\.", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new RefusedException("is not a valid address: " + host);
            }
            address = address << 8 | values[i];
        }
        int restBits = 8 * (4 - (parts.length - 1));
        long last = values[parts.length - 1];
        if (last >= 1L << restBits) {
            throw new RefusedException("is not a valid address: " + host);
        }
        address = address << restBits | last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long part(String part, String host) throws RefusedException {
        try {
            BigInteger value;
            if (part.startsWith("0x")) {
                value = part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
            } else if (part.length() > 1 && part.startsWith("0")) {
                value = new BigInteger(part.substring(1), 8);
            } else {
                value = new BigInteger(part);
            }
            if (value.bitLength() > 32) {
                throw new RefusedException("is not a valid address: " + host);
            }
            return value.longValue();
        } catch (NumberFormatException e) {
            throw new RefusedException("is not a valid address: " + host);
        }
    }

    /** Why an address is not a public one, or empty when it is. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (METADATA.contains(address.getHostAddress())) {
            return Optional.of("a cloud metadata address");
        }
        if (b.length == 4) {
            return refusalV4(b);
        }
        int first = b[0] & 0xff;
        if (allZero(b, 0, 16)) {
            return Optional.of("the unspecified address");
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("a loopback address");
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            return embedded(b, 12, "IPv4-compatible");
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return embedded(b, 12, "NAT64");
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique local (private) IPv6 address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from, String form) {
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        return refusalV4(v4).map(why -> why + " (as an " + form + " IPv6 address)");
    }

    private static Optional<String> refusalV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (a == 0) {
            return Optional.of("the unspecified (\"this network\") range 0.0.0.0/8");
        }
        if (a == 127) {
            return Optional.of("a loopback address");
        }
        if (a == 10 || a == 172 && second >= 16 && second <= 31 || a == 192 && second == 168) {
            return Optional.of("a private (RFC 1918) address");
        }
        if (a == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (a == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT (100.64.0.0/10) address");
        }
        if (a == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24)");
        }
        if (a == 198 && (second == 18 || second == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if (a >= 224 && a <= 239) {
            return Optional.of("a multicast address");
        }
        if (a >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String hostOfAuthority(String authority) {
        if (authority == null || authority.contains("@")) {
            return null;
        }
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? null : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** An address range of the allow-list ({@code 10.0.0.0/8}, {@code ::1/128}, or one address). */
    record Cidr(byte[] network, int bits) {

        static Optional<Cidr> parse(String text) {
            String[] parts = text.split("/", 2);
            String address = unbracket(parts[0]);
            if (!address.contains(":") && !address.matches("[0-9.]+")) {
                return Optional.empty(); // a host name
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("custodian.webhook.allowed-targets: bad prefix in " + text);
                }
                return Optional.of(new Cidr(network, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("custodian.webhook.allowed-targets: not an address or CIDR: "
                        + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
