package dev.insightssync.common.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads named settings (Lambda environment variables, or values the CLI collected) and turns
 * a missing or malformed value into a {@link ConfigurationException} that names it.
 */
public final class Settings {

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

    /** Returns an absolute http or https URL. */
    public URI url(String name, String defaultValue) {
        String raw = text(name, defaultValue);
        try {
            URI uri = URI.create(raw);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid setting " + name + "='" + raw
                    + "': expected an absolute https URL such as https://api.manage.trellix.com.");
        }
    }
}
