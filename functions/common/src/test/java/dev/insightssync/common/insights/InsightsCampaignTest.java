package dev.insightssync.common.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit test of reading campaign resources and their timestamps, including missing attributes. */
class InsightsCampaignTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-30T08:15:00.000Z, 2026-11-30T08:15:00Z",
            "2026-12-01T22:40:11Z, 2026-12-01T22:40:11Z",
            "2026-11-28T13:02:55.120+00:00, 2026-11-28T13:02:55.120Z",
            "2026-11-28T15:02:55+02:00, 2026-11-28T13:02:55Z",
            "2026-11-28T13:02:55, 2026-11-28T13:02:55Z"})
    void timestamps_parseEveryForm(String text, String expected) {
        assertThat(InsightsTimestamps.parse(text)).contains(Instant.parse(expected));
    }

    @Test
    void timestamps_invalidOrBlank_empty() {
        assertThat(InsightsTimestamps.parse("yesterday")).isEmpty();
        assertThat(InsightsTimestamps.parse(" ")).isEmpty();
        assertThat(InsightsTimestamps.parse(null)).isEmpty();
    }

    @Test
    void from_missingAttributes_givesNulls() throws Exception {
        InsightsCampaign campaign = InsightsCampaign.from(read("{\"type\":\"campaigns\",\"id\":\"c1\"}"));

        assertThat(campaign).isEqualTo(new InsightsCampaign("c1", null, null, null));
    }

    @Test
    void from_nullAttributes_givesNulls() throws Exception {
        InsightsCampaign campaign = InsightsCampaign.from(read("{\"id\":\"c2\",\"attributes\":{\"name\":null,"
                + "\"description\":null,\"threat-level-id\":null,\"updated-on\":null,\"external-analysis\":null}}"));

        assertThat(campaign).isEqualTo(new InsightsCampaign("c2", null, null, null));
    }

    @Test
    void from_textualThreatLevel_parsed() throws Exception {
        InsightsCampaign campaign = InsightsCampaign.from(read("{\"id\":\"c3\",\"attributes\":{\"name\":\"N\","
                + "\"threat-level-id\":\"2\",\"updated-on\":\"2026-11-20T00:00:00Z\"}}"));

        assertThat(campaign).isEqualTo(new InsightsCampaign("c3", "N", 2, Instant.parse("2026-11-20T00:00:00Z")));
    }

    @Test
    void from_withoutId_rejected() throws Exception {
        assertThatThrownBy(() -> InsightsCampaign.from(read("{\"attributes\":{}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode read(String json) throws Exception {
        return Json.mapper().readTree(json);
    }
}
