package dev.insightssync.common.insights;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds and describes Insights request URLs. */
final class InsightsUrls {

    private InsightsUrls() {
    }

    /**
     * Parses a URL from a {@code links} member. JSON:API links carry raw brackets in the query
     * ({@code page[offset]=4}), which {@link URI} rejects, so brackets after the '?' are
     * percent-encoded first; brackets before it belong to an IPv6 host and stay.
     */
    static URI parse(String link) {
        int query = link.indexOf('?');
        String text = query < 0 ? link : link.substring(0, query)
                + link.substring(query).replace("[", "%5B").replace("]", "%5D");
        return URI.create(text);
    }

    /**
     * Returns the URL for messages and logs: the query keeps only the values of JSON:API
     * {@code page[...]} parameters, so a value that a proxy or server added never reaches a log.
     */
    static String describe(URI url) {
        // The authority without any user:password part, which would be a credential.
        String authority = url.getRawUserInfo() == null
                ? url.getRawAuthority()
                : url.getRawAuthority().substring(url.getRawUserInfo().length() + 1);
        String base = url.getScheme() + "://" + authority + (url.getRawPath() == null ? "" : url.getRawPath());
        String rawQuery = url.getRawQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (equals < 0) {
                parts.add(name);
            } else if (name.startsWith("page[")) {
                parts.add(name + "=" + URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } else {
                parts.add(name + "=<redacted>");
            }
        }
        return base + "?" + String.join("&", parts);
    }

    /** Returns whether two URLs share scheme, host and port, so a bearer token may travel to both. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
