package io.ringtrader.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The dashboard's HTTP server (the page, the JSON API, server-sent events and {@code /metrics}).
 *
 * @param port            HTTP port; 0 = off ({@code --http-port})
 * @param bind            address to listen on; anything but loopback needs a token
 * @param token           secret every request must carry ({@code Authorization: Bearer T} or {@code ?token=T});
 *                        empty = no token (allowed on loopback only); never logged
 * @param lingerSeconds   keep serving this long after the session ended (so a finished replay or simulated day
 *                        can be looked at); 0 = stop with the session ({@code --http-linger})
 */
public record HttpConfig(int port, String bind, String token, long lingerSeconds) {
    /** Shortest token accepted: a guessable token would make a non-loopback bind unsafe. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Reads the {@code http} section; a non-loopback {@code bind} without a token fails naming {@code http.token}. */
    public static HttpConfig read(ConfigNode n) {
        final int port = (int) n.integer("port", 0, 0, 65_535);
        final String bind = n.string("bind", "127.0.0.1");
        final String token = n.string("token", "");
        final long linger = n.integer("linger_seconds", 0, 0, 7 * 86_400);
        final InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw n.fail("bind", "'" + bind + "' is not an address of this machine");
        }
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            throw n.fail("token", "must be at least " + MIN_TOKEN_LENGTH + " characters (its value is not shown)");
        }
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            throw n.fail("token", "is required when http.bind is not a loopback address (http.bind is '" + bind
                + "'): set a secret of at least " + MIN_TOKEN_LENGTH + " characters; requests must then carry it");
        }
        return new HttpConfig(port, bind, token, linger);
    }

    /** True when a token is required on every request. */
    public boolean tokenRequired() {
        return !token.isEmpty();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HttpConfig[port=" + port + ", bind=" + bind + ", token=" + (token.isEmpty() ? "none" : "(set)")
            + ", lingerSeconds=" + lingerSeconds + "]";
    }
}
