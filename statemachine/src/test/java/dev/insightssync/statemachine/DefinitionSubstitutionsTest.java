package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Static test: the definition's placeholders and template.yaml's DefinitionSubstitutions match one to one. */
class DefinitionSubstitutionsTest {

    @Test
    void placeholders_matchSubstitutions() {
        assertThat(substitutionNames()).isEqualTo(placeholders());
    }

    @Test
    void definitionUri_namesTheDefinitionFile() {
        assertThat(stateMachine().path("DefinitionUri").asText()).isEqualTo("statemachine/threat-intel-sync.asl.json");
        assertThat(stateMachine().path("Type").asText()).isEqualTo("STANDARD");
    }

    @Test
    void sampleSubstitutions_coverEveryPlaceholder() {
        assertThat(ProjectFiles.sampleSubstitutions().keySet()).isEqualTo(placeholders());
    }

    private static Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = ProjectFiles.PLACEHOLDER.matcher(ProjectFiles.definitionText());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> substitutionNames() {
        Set<String> names = new TreeSet<>();
        stateMachine().path("DefinitionSubstitutions").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode stateMachine() {
        return ProjectFiles.template().path("Resources").path("ThreatIntelSyncStateMachine").path("Properties");
    }
}
