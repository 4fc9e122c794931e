package dev.insightssync.normalize;

/**
 * Undoes the defanging that analysts apply so that indicators cannot be clicked:
 * bracketed separators ({@code [.]}, {@code (.)}, {@code {.}}, {@code [dot]}, {@code (dot)},
 * {@code [:]}, {@code [://]}, {@code [/]}, {@code [@]}, {@code [at]}) and mangled URL schemes
 * ({@code hxxp}, {@code hXXp}, {@code hxxps}, {@code htxxp}, {@code h**p}, {@code fxp}).
 *
 * <p>It scans the text once without regular expressions and returns the same string instance
 * when nothing was defanged.
 */
public final class Refanger {

    /** Maximum length of bracket content that can be a defang token ({@code ://} and {@code dot} are three characters). */
    private static final int MAX_TOKEN = 3;

    private Refanger() {
    }

    /** Returns the text with defanged separators and schemes restored. */
    public static String refang(String text) {
        return refangScheme(refangSeparators(text));
    }

    static String refangSeparators(String text) {
        int length = text.length();
        StringBuilder out = null;
        int copiedUpTo = 0;
        for (int i = 0; i < length; i++) {
            char open = text.charAt(i);
            char close = switch (open) {
                case '[' -> ']';
                case '(' -> ')';
                case '{' -> '}';
                default -> 0;
            };
            if (close == 0) {
                continue;
            }
            int end = -1;
            for (int j = i + 1; j < length && j <= i + 1 + MAX_TOKEN; j++) {
                if (text.charAt(j) == close) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                continue;
            }
            String replacement = token(text, i + 1, end);
            if (replacement == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(text, copiedUpTo, i).append(replacement);
            copiedUpTo = end + 1;
            i = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copiedUpTo, length).toString();
    }

    private static String token(String text, int from, int to) {
        int length = to - from;
        if (length == 1) {
            return switch (text.charAt(from)) {
                case '.' -> ".";
                case ':' -> ":";
                case '/' -> "/";
                case '@' -> "@";
                default -> null;
            };
        }
        if (length == 2 && text.regionMatches(true, from, "at", 0, 2)) {
            return "@";
        }
        if (length == 3) {
            if (text.regionMatches(true, from, "dot", 0, 3)) {
                return ".";
            }
            if (text.startsWith("://", from)) {
                return "://";
            }
        }
        return null;
    }

    static String refangScheme(String text) {
        int separator = text.indexOf("://");
        if (separator < 3 || separator > 6) {
            return text;
        }
        String scheme = text.substring(0, separator);
        String replacement = switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "hxxp", "htxxp", "h**p" -> "http";
            case "hxxps", "htxxps", "h**ps" -> "https";
            case "fxp" -> "ftp";
            case "fxps" -> "ftps";
            default -> null;
        };
        return replacement == null ? text : replacement + text.substring(separator);
    }
}
