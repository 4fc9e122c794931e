package dev.insightssync.common.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Unit tests of how URLs appear in messages and logs. */
class InsightsUrlsTest {

    @Test
    void describe_keepsPagingValuesAndRedactsOthers() {
        URI url = URI.create("https://api.example.net/insights/v2/campaigns?page%5Blimit%5D=100&signature=abc");

        assertThat(InsightsUrls.describe(url))
                .isEqualTo("https://api.example.net/insights/v2/campaigns?page[limit]=100&signature=<redacted>");
    }

    @Test
    void describe_removesUserInformation() {
        URI url = URI.create("http://admin:URLPASS@127.0.0.1:8080/insights/v2/campaigns");

        assertThat(InsightsUrls.describe(url)).isEqualTo("http://127.0.0.1:8080/insights/v2/campaigns");
    }
}
