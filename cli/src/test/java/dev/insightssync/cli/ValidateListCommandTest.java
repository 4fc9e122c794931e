package dev.insightssync.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@code validate-list} on list files written to a temporary folder. */
class ValidateListCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validIpList_exitsZero() throws Exception {
        Path list = write("ip.txt", "185.103.109.51\n91.215.85.0/24\n".getBytes(UTF_8));

        assertThat(run("validate-list", list.toString())).isZero();
        assertThat(out.toString()).contains("valid IP list");
    }

    @Test
    void invalidEntries_reportedWithLineNumbers() throws Exception {
        Path list = write("ip.txt", String.join("\n",
                "185.103.109.51",
                "10.32.1.77",
                "# comment",
                "",
                "045.033.032.156",
                "91.215.85.17/24",
                "evil-domain.net",
                "185.103.109.51",
                "2001:678:6c4::1",
                "80.85.158.53\r",
                "") .getBytes(UTF_8));

        int status = run("validate-list", list.toString());

        assertThat(status).isEqualTo(1);
        String report = out.toString();
        assertThat(report).contains("line 2: '10.32.1.77' is not publishable: non-public-address");
        assertThat(report).contains("line 3: comment line");
        assertThat(report).contains("line 4: blank line");
        assertThat(report).contains("line 5: '045.033.032.156' is not publishable: invalid-ip");
        assertThat(report).contains("line 6: '91.215.85.17/24' is not in canonical form; write '91.215.85.0/24'");
        assertThat(report).contains("line 7: 'evil-domain.net' is a domain name");
        assertThat(report).contains("line 8: duplicate of line 1");
        assertThat(report).contains("line 9: '2001:678:6c4::1' is not publishable: ipv6-unsupported");
        assertThat(report).contains("line 10: carriage return");
        assertThat(report).contains("9 problems");
    }

    @Test
    void domainList_validOnlyAsEntityList() throws Exception {
        Path list = write("domains.txt", "b7nfcx4.com\n*.gue.life\n".getBytes(UTF_8));

        assertThat(run("validate-list", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("line 1: 'b7nfcx4.com' is a domain name");
        out.getBuffer().setLength(0);

        assertThat(run("validate-list", "--type", "entity", list.toString())).isZero();
    }

    @Test
    void byteOrderMarkAndMissingFinalNewline_reported() throws Exception {
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '8', '0', '.', '8', '5', '.', '1', '5', '8', '.', '5', '3'};
        Path list = write("bom.txt", content);

        assertThat(run("validate-list", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("line 1: byte-order mark").contains("file: the last line has no line feed");
    }

    @Test
    void tooManyEntries_reported() throws Exception {
        Path list = write("ip.txt", "80.85.158.53\n45.129.237.33\n185.103.109.51\n".getBytes(UTF_8));

        assertThat(run("validate-list", "--max-entries", "2", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("file: 3 entries exceed the limit of 2");
    }

    @Test
    void emptyFile_reported() throws Exception {
        Path list = write("empty.txt", new byte[0]);

        assertThat(run("validate-list", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("file: no entries").doesNotContain("line 1");
    }

    @Test
    void crlfOnly_reportsLinesButNotEmpty() throws Exception {
        Path list = write("crlf.txt", "45.33.32.156\r\n80.85.158.53\r\n".getBytes(UTF_8));

        assertThat(run("validate-list", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("line 1: carriage return").contains("line 2: carriage return")
                .doesNotContain("no entries");
    }

    @Test
    void blankLinesOnly_reportsNoEntries() throws Exception {
        Path list = write("blank.txt", "\r\n\n# only a comment\n".getBytes(UTF_8));

        assertThat(run("validate-list", list.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("file: no entries").contains("line 2: blank line");
    }

    @Test
    void negativeMaxEntries_isUsageError() throws Exception {
        Path list = write("ip.txt", "80.85.158.53\n".getBytes(UTF_8));

        assertThat(run("validate-list", "--max-entries", "-1", list.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --max-entries -1");
    }

    @Test
    void directory_isUsageErrorNamingPath() {
        assertThat(run("validate-list", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read " + folder);
    }

    @Test
    void missingFile_isUsageError() {
        assertThat(run("validate-list", folder.resolve("absent.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("File not found");
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(folder.resolve(name), content);
    }

    private int run(String... args) {
        return InsightsSyncCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
