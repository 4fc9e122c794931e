package dev.insightssync.common.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads named settings (Lambda environment variables, or values the CLI collected) and turns
 * a missing or malformed value into a {@link ConfigurationException} that names it.
 */
public final class Settings {

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Returns the settings of this process's environment. */
    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException(
                "Missing setting " + name + ": set it in the function's environment (template parameter) or CLI option."));
    }

    public String text(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid setting " + name + "='" + raw.get()
                    + "': expected a whole number from " + min + " to " + max + ".");
        }
        if (value < min || value > max) {
            throw new ConfigurationException("Invalid setting " + name + "=" + value
                    + ": expected a whole number from " + min + " to " + max + ".");
        }
        return value;
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("Invalid setting " + name + "='" + raw.get()
                    + "': expected true or false.");
        };
    }

    /**
     * Returns an absolute https URL without user information. Plain http is accepted only for a
     * loopback host, because the Insights credentials and tokens travel on these URLs.
     */
    public URI url(String name, String defaultValue) {
        String raw = text(name, defaultValue);
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw invalidUrl(name, raw);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalidUrl(name, raw);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
        if (!https && !loopbackHttp) {
            throw invalidUrl(name, raw);
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("[::1]") || host.equals("::1");
    }

    private static ConfigurationException invalidUrl(String name, String raw) {
        return new ConfigurationException("Invalid setting " + name + "='" + shownUrl(raw)
                + "': expected an absolute https URL without user information, such as the defaults in the README;"
                + " plain http is accepted only for a loopback test server.");
    }

    /**
     * Returns a URL as it may appear in a message: one that contains '@' anywhere may carry a
     * password, and where its user information ends is ambiguous, so it is not shown at all.
     */
    public static String shownUrl(String raw) {
        return raw.indexOf('@') >= 0 ? "<a URL with user information, not shown>" : raw;
    }
}
