package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Static test: template.yaml names existing handlers and jars and grants least privilege. */
class TemplateTest {

    /** Actions that support no resource-level permission, the only ones allowed on Resource "*". */
    private static final Set<String> ACTIONS_WITHOUT_RESOURCE_LEVEL = Set.of(
            "guardduty:ListDetectors",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");

    private static final Pattern CODE_URI = Pattern.compile("functions/([a-z-]+)/target/([a-z-]+)-lambda\\.jar");

    private static final String GUARDDUTY_ROLE =
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty";

    @Test
    void functions_areTheFiveSteps() {
        assertThat(functions().keySet()).containsExactlyInAnyOrder("AuthenticateFunction", "FetchCampaignsFunction",
                "NormalizeIocsFunction", "WriteThreatListFunction", "UpdateThreatIntelSetFunction");
    }

    @Test
    void everyHandler_isAClassWithPublicNoArgConstructor() throws Exception {
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(function.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(type.getConstructor().getParameterCount()).as(handler).isZero();
        }
    }

    @Test
    void everyCodeUri_isTheLambdaJarOfAnExistingModule() {
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            String codeUri = function.getValue().path("Properties").path("CodeUri").asText();
            Matcher matcher = CODE_URI.matcher(codeUri);
            assertThat(matcher.matches()).as(function.getKey() + " CodeUri " + codeUri).isTrue();
            assertThat(matcher.group(2)).as(codeUri).isEqualTo(matcher.group(1));
            Path pom = ProjectFiles.repositoryRoot().resolve("functions").resolve(matcher.group(1)).resolve("pom.xml");
            assertThat(pom).exists();
            assertThat(ProjectFiles.read(pom)).contains("<artifactId>" + matcher.group(1) + "</artifactId>");
        }
    }

    @Test
    void globals_setJava21JsonLogsAndArchitecture() {
        JsonNode function = ProjectFiles.template().path("Globals").path("Function");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("MemorySize").asInt()).isEqualTo(512);
        assertThat(function.path("LoggingConfig").path("LogFormat").asText()).isEqualTo("JSON");
        assertThat(function.path("Architectures").isArray()).isTrue();
    }

    @Test
    void resourceStar_onlyForActionsWithoutResourceLevelPermissions() {
        for (Map.Entry<String, JsonNode> statement : statements()) {
            if (statement.getValue().path("Resource").asText().equals("*")) {
                assertThat(ACTIONS_WITHOUT_RESOURCE_LEVEL).as(statement.getKey())
                        .containsAll(texts(statement.getValue().path("Action")));
            }
        }
    }

    @Test
    void secret_isReadableOnlyByAuthenticateAndFetch() {
        List<String> readers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> statement : statements()) {
            if (texts(statement.getValue().path("Action")).contains("secretsmanager:GetSecretValue")) {
                readers.add(statement.getKey());
                assertThat(statement.getValue().path("Resource").path("Ref").asText()).isEqualTo("InsightsSecretArn");
            }
        }
        assertThat(readers).containsExactlyInAnyOrder("AuthenticateFunction", "FetchCampaignsFunction");
    }

    @Test
    void iamActions_onlyOnTheGuardDutyServiceLinkedRole() {
        for (Map.Entry<String, JsonNode> statement : statements()) {
            List<String> actions = texts(statement.getValue().path("Action"));
            if (actions.stream().anyMatch(action -> action.startsWith("iam:"))) {
                assertThat(statement.getKey()).isEqualTo("UpdateThreatIntelSetFunction");
                assertThat(actions).containsExactlyInAnyOrder("iam:PutRolePolicy", "iam:DeleteRolePolicy");
                assertThat(statement.getValue().path("Resource").path("Fn::Sub").asText()).isEqualTo(GUARDDUTY_ROLE);
            }
        }
    }

    @Test
    void s3Objects_onlyUnderTheKnownPrefixes() {
        for (Map.Entry<String, JsonNode> statement : statements()) {
            List<String> actions = texts(statement.getValue().path("Action"));
            if (actions.stream().noneMatch(action -> action.startsWith("s3:"))) {
                continue;
            }
            if (actions.equals(List.of("s3:ListBucket"))) {
                assertThat(statement.getValue().path("Condition").path("StringLike").path("s3:prefix").isArray())
                        .as(statement.getKey()).isTrue();
                continue;
            }
            for (JsonNode resource : asList(statement.getValue().path("Resource"))) {
                assertThat(resource.path("Fn::Sub").asText()).as(statement.getKey())
                        .matches("\\$\\{ArtifactBucket\\.Arn}/(runs|lists|state|config)/\\*");
            }
        }
    }

    @Test
    void stateMachine_logsErrorsTracesAndRunsOnSchedule() {
        JsonNode properties = ProjectFiles.template().path("Resources").path("ThreatIntelSyncStateMachine").path("Properties");
        assertThat(properties.path("Logging").path("Level").asText()).isEqualTo("ERROR");
        assertThat(properties.path("Tracing").path("Enabled").asBoolean()).isTrue();
        JsonNode schedule = properties.path("Events").path("Schedule");
        assertThat(schedule.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(schedule.path("Properties").path("ScheduleExpressionTimezone").path("Ref").asText())
                .isEqualTo("ScheduleTimezone");
    }

    private static Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new TreeMap<>();
        ProjectFiles.template().path("Resources").fields().forEachRemaining(entry -> {
            if ("AWS::Serverless::Function".equals(entry.getValue().path("Type").asText())) {
                functions.put(entry.getKey(), entry.getValue());
            }
        });
        return functions;
    }

    /** Returns every inline policy statement of the functions and the state machine, keyed by resource name. */
    private static List<Map.Entry<String, JsonNode>> statements() {
        List<Map.Entry<String, JsonNode>> statements = new ArrayList<>();
        ProjectFiles.template().path("Resources").fields().forEachRemaining(resource -> {
            for (JsonNode policy : resource.getValue().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    statements.add(Map.entry(resource.getKey(), statement));
                }
            }
        });
        assertThat(statements).hasSizeGreaterThan(10);
        return statements;
    }

    private static List<JsonNode> asList(JsonNode node) {
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }

    private static List<String> texts(JsonNode node) {
        return asList(node).stream().map(JsonNode::asText).toList();
    }
}
