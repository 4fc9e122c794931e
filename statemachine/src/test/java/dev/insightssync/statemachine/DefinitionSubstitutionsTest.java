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

    @Test
    void functionArns_areTheLiveAliases() {
        JsonNode substitutions = stateMachine().path("DefinitionSubstitutions");
        Set<String> functions = new TreeSet<>();
        substitutions.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("FunctionArn")) {
                functions.add(name);
                String function = name.substring(0, name.length() - "Arn".length());
                assertThat(substitutions.path(name).path("Ref").asText()).as(name).isEqualTo(function + ".Alias");
            }
        });
        assertThat(functions).hasSize(6);
    }

    @Test
    void notifyOnSuccess_defaultsToOff() {
        assertThat(stateMachine().path("DefinitionSubstitutions").path("NotifyOnSuccess").path("Ref").asText())
                .isEqualTo("NotifyOnSuccess");
        JsonNode parameter = ProjectFiles.template().path("Parameters").path("NotifyOnSuccess");
        assertThat(parameter.path("Default").asText()).isEqualTo("false");
        assertThat(parameter.path("AllowedValues").toString()).isEqualTo("[\"true\",\"false\"]");
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
