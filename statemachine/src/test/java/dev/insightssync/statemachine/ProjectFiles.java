package dev.insightssync.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates and parses the files the tests check: the state machine definition, template.yaml and
 * the Node.js tools installed by {@code npm ci} in this module's folder.
 */
final class ProjectFiles {

    /** A {@code ${Name}} placeholder of the definition, replaced by DefinitionSubstitutions. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private ProjectFiles() {
    }

    /** Returns this module's folder; Surefire runs the tests with it as the working directory. */
    static Path moduleDir() {
        Path dir = Path.of("").toAbsolutePath();
        if (!Files.exists(dir.resolve("threat-intel-sync.asl.json"))) {
            throw new IllegalStateException("Run the tests from the statemachine module folder, not " + dir);
        }
        return dir;
    }

    static Path repositoryRoot() {
        return moduleDir().getParent();
    }

    static Path definitionFile() {
        return moduleDir().resolve("threat-intel-sync.asl.json");
    }

    static String definitionText() {
        return read(definitionFile());
    }

    static JsonNode definition() {
        try {
            return new ObjectMapper().readTree(definitionText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns template.yaml as a tree; it uses only long-form intrinsics, so plain YAML reads it. */
    static JsonNode template() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(repositoryRoot().resolve("template.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the Node.js 22 binary that the npm package {@code node} installs. */
    static Path nodeBinary() {
        Path node = moduleDir().resolve("node_modules/.bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException(node + " is missing: run npm ci in the statemachine folder"
                    + " (mvn runs it before the tests unless -DskipTests is given).");
        }
        return node;
    }

    /** Returns the definition text with every placeholder replaced by its value. */
    static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for placeholder " + matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Returns plausible deployed values for every placeholder, for validating the substituted definition. */
    static Map<String, String> sampleSubstitutions() {
        Map<String, String> values = new TreeMap<>();
        String functionPrefix = "arn:aws:lambda:us-east-1:123456789012:function:insights-sync-";
        values.put("AuthenticateFunctionArn", functionPrefix + "Authenticate");
        values.put("FetchCampaignsFunctionArn", functionPrefix + "FetchCampaigns");
        values.put("NormalizeIocsFunctionArn", functionPrefix + "NormalizeIocs");
        values.put("WriteThreatListFunctionArn", functionPrefix + "WriteThreatList");
        values.put("UpdateThreatIntelSetFunctionArn", functionPrefix + "UpdateThreatIntelSet");
        values.put("ThreatListStatusFunctionArn", functionPrefix + "ThreatListStatus");
        values.put("PublishRegions", "us-east-1,eu-west-1");
        values.put("NotifyOnSuccess", "true");
        values.put("AlertTopicArn", "arn:aws:sns:us-east-1:123456789012:insights-sync-alerts");
        values.put("ArtifactBucketName", "insights-sync-artifacts");
        values.put("ActivationTimeoutMinutes", "45");
        values.put("Region", "us-east-1");
        values.put("StackName", "insights-sync");
        return values;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
