package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insightssync.common.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table test of {@link IocNormalizer} against every row of the fixture tenant's
 * {@code expected/outcomes.tsv}. Rows marked {@code campaign-outside-lookback} are skipped:
 * their campaign is not in the fetch manifest, so its IOCs never reach this step.
 */
class FixtureOutcomesTest {

    private static final String OUTSIDE_LOOKBACK = "campaign-outside-lookback";

    private static final IocNormalizer NORMALIZER =
            new IocNormalizer(Allowlist.builtIn(), IocNormalizer.DEFAULT_MIN_CIDR_PREFIX);

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = FixtureOutcomesTest.class.getResourceAsStream("/fixtures/insights/expected/outcomes.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields[4].equals(OUTSIDE_LOOKBACK)) {
                    continue;
                }
                String value = Json.mapper().readValue(fields[2], String.class);
                rows.add(Arguments.of(fields[0], fields[1], value, fields[3], fields[4]));
            }
        }
        assertThat(rows).hasSizeGreaterThan(40);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @MethodSource("rows")
    void normalize_fixtureRow_hasExpectedOutcome(String campaign, String type, String value, String outcome, String entryOrReason) {
        IocOutcome actual = NORMALIZER.normalize(type, value);

        if (outcome.equals("drop")) {
            assertThat(actual.kind()).isEqualTo(IocOutcome.Kind.DROP);
            assertThat(actual.reason().code()).isEqualTo(entryOrReason);
        } else {
            assertThat(actual.kind().name().toLowerCase()).isEqualTo(outcome);
            assertThat(actual.entry()).isEqualTo(entryOrReason);
        }
    }
}
