package org.custodian.interfaces.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address of a request that may have passed proxies: the remote address, unless that is a trusted proxy;
 * then the rightmost hop of {@code Forwarded} (RFC 7239, preferred) or {@code X-Forwarded-For} that is not itself a
 * trusted proxy. Hops to the left of it were written by the client and prove nothing. Only literal addresses are
 * read (never a name lookup); a hop that is not one (e.g. {@code unknown}, an obfuscated identifier) ends the walk at
 * the proxy that reported it.
 */
public final class ForwardedFor {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** At most this many hops are read: a header with thousands of entries is no reason to work hard. */
    private static final int MAX_HOPS = 32;

    private final List<Cidr> trusted;

    public ForwardedFor(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Parses a comma-separated list of CIDRs or addresses; an entry that is neither stops the deployment. */
    public static ForwardedFor parse(String trustedProxies) {
        List<Cidr> cidrs = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                if (!entry.isBlank()) {
                    cidrs.add(Cidr.parse(entry.trim()));
                }
            }
        }
        return new ForwardedFor(cidrs);
    }

    /**
     * @param remote the TCP peer's address
     * @param forwarded every {@code Forwarded} header value, in order
     * @param xForwardedFor every {@code X-Forwarded-For} header value, in order
     */
    public String clientOf(String remote, List<String> forwarded, List<String> xForwardedFor) {
        Optional<InetAddress> peer = literal(remote);
        if (peer.isEmpty() || !isTrusted(peer.get())) {
            return peer.map(InetAddress::getHostAddress).orElse(remote);
        }
        List<String> hops = forwarded.isEmpty() ? listOf(xForwardedFor) : forOf(forwarded);
        InetAddress nearest = peer.get();
        for (int i = hops.size() - 1, read = 0; i >= 0 && read < MAX_HOPS; i--, read++) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            nearest = hop.get();
            if (!isTrusted(nearest)) {
                break;
            }
        }
        return nearest.getHostAddress();
    }

    public boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** A request's header values as a list (the servlet API gives an enumeration). */
    public static List<String> values(Enumeration<String> headers) {
        List<String> values = new ArrayList<>();
        while (headers != null && headers.hasMoreElements() && values.size() < MAX_HOPS) {
            values.add(headers.nextElement());
        }
        return values;
    }

    private static List<String> listOf(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The {@code for=} parameter of each element of Forwarded headers; an element without one is an unknown hop. */
    private static List<String> forOf(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String element : listOf(headers)) {
            String found = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
                    found = pair.substring(equals + 1).trim();
                }
            }
            hops.add(found);
        }
        return hops;
    }

    /** A literal IPv4 or IPv6 address, possibly quoted, bracketed or with a port; never a host name. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close < 0 ? "" : value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));   // IPv4 with a port
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !(value.contains(":") && IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value.toLowerCase(Locale.ROOT)));   // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
