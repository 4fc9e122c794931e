package dev.insightssync.normalize;

/**
 * Removes what surrounds an indicator in analyst text: whitespace (no-break spaces included),
 * invisible format characters (zero-width spaces and joiners, direction marks, byte-order
 * marks) and quotes or backticks, repeatedly from both ends.
 */
public final class ValueCleaner {

    /** How the inside of a trimmed value looks, which decides whether it can be one indicator. */
    public enum Content { OK, EMPTY, INVALID_CHARACTERS, MULTIPLE_VALUES }

    private ValueCleaner() {
    }

    /** Returns the value without surrounding whitespace, invisible characters and quotes; the same instance when there were none. */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isTrimmable(value.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(value.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    /**
     * Classifies a trimmed value: control characters, line breaks and invisible format
     * characters inside it make it invalid, and whitespace inside it means it contains several
     * values.
     */
    public static Content inspect(String trimmed) {
        int length = trimmed.length();
        if (length == 0) {
            return Content.EMPTY;
        }
        boolean whitespace = false;
        for (int i = 0; i < length; i++) {
            char c = trimmed.charAt(i);
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (c == ' ') {
                whitespace = true;
            } else if (c < ' ' || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT) {
                return Content.INVALID_CHARACTERS;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                whitespace = true;
            }
        }
        return whitespace ? Content.MULTIPLE_VALUES : Content.OK;
    }

    private static boolean isTrimmable(char c) {
        if (c > ' ' && c < 0x7F) {
            return c == '"' || c == '\'' || c == '`';
        }
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019';
    }
}
