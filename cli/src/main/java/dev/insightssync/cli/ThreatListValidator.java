package dev.insightssync.cli;

import dev.insightssync.normalize.Allowlist;
import dev.insightssync.normalize.IocNormalizer;
import dev.insightssync.normalize.IocOutcome;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a TXT threat list file against GuardDuty's rules before it is uploaded: the file's size
 * and entry count, its encoding and line endings, and each entry's syntax.
 *
 * <p>It reuses the normalizer's parsers, but with no allowlist and no minimum CIDR prefix,
 * because those are this project's policy, not GuardDuty's rules: an entry is valid when the
 * normalizer would publish it unchanged.
 */
final class ThreatListValidator {

    /** GuardDuty's maximum list file size: 35 MB. */
    static final long MAX_FILE_BYTES = 35_000_000L;

    /** GuardDuty's maximum number of entries in an IP list (ThreatIntelSet); not adjustable. */
    static final int MAX_IP_ENTRIES = 250_000;

    /** The two kinds of list; an entity list (ThreatEntitySet) also takes domain names. */
    enum ListType { IP, ENTITY }

    /** One problem, at a line (1-based) or at line 0 for the whole file. */
    record Problem(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? "file: " + message : "line " + line + ": " + message;
        }
    }

    private final IocNormalizer normalizer = new IocNormalizer(Allowlist.empty(), 0);
    private final ListType type;
    private final int maxEntries;

    ThreatListValidator(ListType type, int maxEntries) {
        this.type = type;
        this.maxEntries = maxEntries;
    }

    /** Returns every problem of the file's content, in line order; empty when the file is valid. */
    List<Problem> validate(byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (content.length > MAX_FILE_BYTES) {
            problems.add(new Problem(0, "size " + content.length + " bytes exceeds GuardDuty's limit of 35 MB; split the list"));
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            problems.add(new Problem(1, "byte-order mark at the start of the file; save as UTF-8 without BOM"));
        }
        String text = decode(content, problems);
        if (text == null) {
            return problems;
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            problems.add(new Problem(0, "the last line has no line feed; end every line with LF"));
        }

        String[] lines = text.split("\n", -1);
        int entries = 0;
        Map<String, Integer> firstLineOf = new HashMap<>();
        int lineCount = text.isEmpty() || text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int index = 0; index < lineCount; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (checkLine(lineNumber, line, problems)) {
                entries++;
                Integer earlier = firstLineOf.putIfAbsent(line, lineNumber);
                if (earlier != null) {
                    problems.add(new Problem(lineNumber, "duplicate of line " + earlier + "; remove it"));
                }
            }
        }

        if (!hasCandidateEntry(lines, lineCount)) {
            problems.add(new Problem(0, "no entries; GuardDuty would activate an empty list that matches nothing"));
        }
        if (entries > maxEntries) {
            problems.add(new Problem(0, entries + " entries exceed the limit of " + maxEntries + " for this list type"));
        }
        return problems;
    }

    /** Adds the line's problems and returns whether the line is a valid entry. */
    private boolean checkLine(int lineNumber, String line, List<Problem> problems) {
        if (line.endsWith("\r")) {
            problems.add(new Problem(lineNumber, "carriage return (CRLF line ending); use LF only"));
            return false;
        }
        if (line.isBlank()) {
            problems.add(new Problem(lineNumber, "blank line; remove it"));
            return false;
        }
        if (line.startsWith("#")) {
            problems.add(new Problem(lineNumber, "comment line; TXT lists take bare entries only"));
            return false;
        }
        if (!line.equals(line.strip())) {
            problems.add(new Problem(lineNumber, "leading or trailing whitespace around '" + line.strip() + "'"));
            return false;
        }

        IocOutcome outcome = normalizer.normalize(looksLikeAddress(line) ? "ip" : "domain", line);
        if (outcome.kind() == IocOutcome.Kind.DROP) {
            problems.add(new Problem(lineNumber, "'" + line + "' is not publishable: " + outcome.reason().code()));
            return false;
        }
        if (outcome.kind() == IocOutcome.Kind.DOMAIN && type == ListType.IP) {
            problems.add(new Problem(lineNumber, "'" + line
                    + "' is a domain name; an IP list (ThreatIntelSet) never matches domains, use an entity list"));
            return false;
        }
        if (!outcome.entry().equals(line)) {
            problems.add(new Problem(lineNumber, "'" + line + "' is not in canonical form; write '" + outcome.entry() + "'"));
            return false;
        }
        return true;
    }

    /** Returns whether any line contains something other than blanks, a byte-order mark or a comment. */
    private static boolean hasCandidateEntry(String[] lines, int lineCount) {
        for (int index = 0; index < lineCount; index++) {
            String content = lines[index].replace("\uFEFF", "").strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeAddress(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '/' && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] content, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, "not valid UTF-8; save the file as UTF-8"));
            return null;
        }
    }
}
