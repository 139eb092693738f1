package io.github.perceptron.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a web page in the user's browser must not do to the service, refused before any route runs:
 * <ul>
 *   <li><b>DNS rebinding.</b> A page on a name that resolves to this machine sends that name as
 *   {@code Host}. Every request must name the server by an IP address, {@code localhost}, the
 *   address it was bound to, or a name the user allowed ({@code --allow-host}): 421 otherwise. An
 *   IP address cannot be rebound, so any literal is accepted.</li>
 *   <li><b>Cross-site requests.</b> A request that changes or costs anything (any method but GET
 *   and HEAD) from a page of another origin carries that {@code Origin}: 403 unless it is this
 *   server's own ({@code http://} and the {@code Host} sent).</li>
 *   <li><b>Other machines.</b> With a bearer token (required when the service listens beyond
 *   loopback), every API route needs {@code Authorization: Bearer} it, compared in constant time:
 *   401 otherwise. The page, its files, {@code /healthz} and {@code /openapi.json} stay open; the
 *   page sends the token it finds in its address's fragment ({@code #token=…}).</li>
 *   <li><b>Forms.</b> A reload accepts no body type but JSON (or none): every type an HTML form can
 *   send is refused with 415, so a form cannot reload even where a browser sends no Origin.</li>
 * </ul>
 */
final class RequestGuard {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9A-Za-z._~-]+)?]");
    static final String RELOAD = "/v1/model/reload";

    /** Served without the token: the page and its files, health, the API's description. */
    private static final Set<String> OPEN = Set.of("/", "/app.js", "/style.css", "/openapi.json", "/healthz");

    private final Set<String> names;
    private final byte[] token;

    /**
     * @param names the host names served besides IP literals and {@code localhost}, e.g. the bound host and {@code --allow-host}s
     * @param bearerToken empty for none
     */
    RequestGuard(Set<String> names, String bearerToken) {
        this.token = bearerToken.getBytes(StandardCharsets.UTF_8);
        this.names = new TreeSet<>();
        this.names.add("localhost");
        for (String name : names) {
            this.names.add(normalised(name));
        }
    }

    void check(Exchange exchange, String method, String path) {
        String host = exchange.header("Host");
        if (host != null && !served(hostName(host))) {
            throw new ApiException(421, "this server does not answer to the host name '" + Router.abbreviate(host)
                    + "' (a page on another name may be trying DNS rebinding); it answers to IP addresses and "
                    + String.join(", ", names) + "; serve --allow-host NAME adds a name");
        }
        if (token.length > 0 && !OPEN.contains(path)) {
            checkToken(exchange, method, path);
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        String origin = exchange.header("Origin");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw new ApiException(403, method + " " + path + " from the page at " + Router.abbreviate(origin)
                    + " is refused: only pages this server serves may call it");
        }
        if (path.equals(RELOAD)) {
            String type = exchange.mediaType();
            if (type != null && !type.equals(Json.TYPE_NAME)) {
                throw new ApiException(415, "POST " + RELOAD + " takes no body, or a JSON one (Content-Type: "
                        + Json.TYPE_NAME + "), not " + Router.abbreviate(type));
            }
        }
    }

    private void checkToken(Exchange exchange, String method, String path) {
        String authorization = exchange.header("Authorization");
        String prefix = "Bearer ";
        boolean given = authorization != null && authorization.regionMatches(true, 0, prefix, 0, prefix.length());
        byte[] sent = given ? authorization.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        // MessageDigest.isEqual takes the same time wherever the bytes differ.
        if (!MessageDigest.isEqual(sent, token)) {
            exchange.setResponseHeader("WWW-Authenticate", "Bearer realm=\"perceptron\"");
            throw new ApiException(401, method + " " + path + " needs the service's token: send "
                    + "'Authorization: Bearer TOKEN' (" + (given ? "the token sent is not it" : "none was sent")
                    + "); in a browser, open the page as /#token=TOKEN");
        }
    }

    private boolean served(String name) {
        return IPV4.matcher(name).matches() || IPV6.matcher(name).matches() || names.contains(name);
    }

    /** The name in a Host header, without its port, lower case, without a final dot. */
    static String hostName(String header) {
        String host = header.strip();
        if (!host.startsWith("[")) {
            int colon = host.lastIndexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
        } else if (host.contains("]:")) {
            host = host.substring(0, host.indexOf("]:") + 1);
        }
        return normalised(host);
    }

    private static String normalised(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.contains(":") && !lower.startsWith("[")) {
            lower = "[" + lower + "]";  // a bare IPv6 address, as --host takes it
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
