package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.publish.S3SupersededListMarker;
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
    void functions_areTheSixHandlers() {
        assertThat(functions().keySet()).containsExactlyInAnyOrder("AuthenticateFunction", "FetchCampaignsFunction",
                "NormalizeIocsFunction", "WriteThreatListFunction", "UpdateThreatIntelSetFunction",
                "ThreatListStatusFunction");
    }

    @Test
    void statusFunction_sharesPublishJar() {
        JsonNode properties = functions().get("ThreatListStatusFunction").path("Properties");
        assertThat(properties.path("CodeUri").asText())
                .isEqualTo(functions().get("UpdateThreatIntelSetFunction").path("Properties").path("CodeUri").asText());
        List<String> actions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> statement : statements()) {
            if (statement.getKey().equals("ThreatListStatusFunction")) {
                actions.addAll(texts(statement.getValue().path("Action")));
            }
        }
        assertThat(actions).containsExactlyInAnyOrder("guardduty:GetThreatIntelSet", "guardduty:GetThreatEntitySet");
    }

    @Test
    void objectTagging_onlyPublishOnLists() {
        List<String> taggers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> statement : statements()) {
            if (texts(statement.getValue().path("Action")).contains("s3:PutObjectTagging")) {
                taggers.add(statement.getKey());
                assertThat(texts(statement.getValue().path("Action"))).containsExactly("s3:PutObjectTagging");
                assertThat(statement.getValue().path("Resource").path("Fn::Sub").asText())
                        .isEqualTo("${ArtifactBucket.Arn}/lists/*");
            }
        }
        assertThat(taggers).containsExactly("UpdateThreatIntelSetFunction");
    }

    @Test
    void supersededListFiles_expireAfterTheRetentionParameter() {
        JsonNode rule = null;
        for (JsonNode candidate : ProjectFiles.template().path("Resources").path("ArtifactBucket").path("Properties")
                .path("LifecycleConfiguration").path("Rules")) {
            if (candidate.path("Id").asText().equals("ExpireSupersededListFiles")) {
                rule = candidate;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("Prefix").asText()).isEqualTo("lists/");
        assertThat(rule.path("TagFilters").path(0).path("Key").asText())
                .isEqualTo(S3SupersededListMarker.TAG_KEY);
        assertThat(rule.path("TagFilters").path(0).path("Value").asText())
                .isEqualTo(S3SupersededListMarker.TAG_VALUE);
        assertThat(rule.path("ExpirationInDays").path("Ref").asText()).isEqualTo("ListRetentionDays");
        assertThat(ProjectFiles.template().path("Parameters").path("ListRetentionDays").path("Default").asInt())
                .isEqualTo(30);
    }

    @Test
    void functions_ownLogGroupsWithRetention() {
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            String logGroup = function.getValue().path("Properties").path("LoggingConfig").path("LogGroup").path("Ref")
                    .asText();
            assertThat(logGroup).as(function.getKey())
                    .isEqualTo(function.getKey().replaceFirst("Function$", "") + "LogGroup");
            JsonNode group = ProjectFiles.template().path("Resources").path(logGroup);
            assertThat(group.path("Type").asText()).as(logGroup).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.path("Properties").path("RetentionInDays").path("Ref").asText()).as(logGroup)
                    .isEqualTo("LogRetentionDays");
        }
        assertThat(ProjectFiles.template().path("Parameters").path("LogRetentionDays").path("Default").asInt())
                .isEqualTo(30);
    }

    @Test
    void snapStart_behindLiveAlias() {
        JsonNode function = ProjectFiles.template().path("Globals").path("Function");
        assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
    }

    @Test
    void publishRegions_defaultToTheStackRegion() {
        JsonNode parameter = ProjectFiles.template().path("Parameters").path("PublishRegions");
        assertThat(parameter.path("Default").asText()).isEmpty();
        assertThat("us-east-1,eu-west-1").matches(parameter.path("AllowedPattern").asText());
        assertThat("us-east-1, eu-west-1").doesNotMatch(parameter.path("AllowedPattern").asText());
        JsonNode substitution = ProjectFiles.template().path("Resources").path("ThreatIntelSyncStateMachine")
                .path("Properties").path("DefinitionSubstitutions").path("PublishRegions").path("Fn::If");
        assertThat(substitution.path(0).asText()).isEqualTo("HasPublishRegions");
        assertThat(substitution.path(1).path("Ref").asText()).isEqualTo("PublishRegions");
        assertThat(substitution.path(2).path("Ref").asText()).isEqualTo("AWS::Region");
    }

    @Test
    void handlers_havePublicNoArgConstructor() throws Exception {
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(function.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(type.getConstructor().getParameterCount()).as(handler).isZero();
        }
    }

    @Test
    void codeUris_nameExistingLambdaJars() {
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
    void resourceStar_onlyWhereUnavoidable() {
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
    void iamActions_onlyOnGuardDutyRole() {
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
    void stateMachine_logsTracesAndIsScheduled() {
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
