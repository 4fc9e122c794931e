package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static test: asl-validator (run on the Node.js 22 binary) accepts the definition as written and as deployed. */
class DefinitionValidationTest {

    @TempDir
    Path temp;

    @Test
    void aslValidator_acceptsDefinitionFile() throws Exception {
        assertThat(validate(ProjectFiles.definitionFile())).isEqualTo("valid");
    }

    @Test
    void aslValidator_acceptsDefinitionWithSubstitutions() throws Exception {
        Path substituted = temp.resolve("substituted.asl.json");
        Files.writeString(substituted,
                ProjectFiles.substitute(ProjectFiles.definitionText(), ProjectFiles.sampleSubstitutions()));
        assertThat(validate(substituted)).isEqualTo("valid");
    }

    @Test
    void aslValidator_rejectsDefinitionWithUnknownNextState() throws Exception {
        Path broken = temp.resolve("broken.asl.json");
        Files.writeString(broken, ProjectFiles.definitionText()
                .replace("\"Next\": \"FetchCampaigns\"", "\"Next\": \"NoSuchState\""));
        assertThat(validate(broken)).startsWith("invalid").contains("NoSuchState");
    }

    private String validate(Path definition) throws IOException, InterruptedException {
        // The .bin entry is a script whose first line runs whichever "node" is on the PATH, and that
        // may be older than 22 here. So the script is started with the Node.js 22 that npm installed.
        Path validator = ProjectFiles.moduleDir().resolve("node_modules/.bin/asl-validator").toRealPath();
        Process process = new ProcessBuilder(ProjectFiles.nodeBinary().toString(), validator.toString(),
                "--json-path", definition.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return exit == 0 ? "valid" : "invalid (exit " + exit + "): " + output;
    }
}
