package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful GuardDuty REST-JSON API on WireMock, for the calls the publishing step makes: it
 * keeps detectors, ThreatIntelSets and ThreatEntitySets in memory, pages list results by
 * {@code maxResults}, and returns GuardDuty's HTTP 400 for unknown ids. Stubs a test registers
 * at a higher priority (for errors) win over it.
 */
final class FakeGuardDuty implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-guardduty";

    private static final Pattern DETECTOR = Pattern.compile("/detector/([^/?]+)");
    private static final Pattern SETS = Pattern.compile("/detector/([^/?]+)/(threatintelset|threatentityset)");
    private static final Pattern SET = Pattern.compile("/detector/([^/?]+)/(threatintelset|threatentityset)/([^/?]+)");

    private final List<String> detectors = new ArrayList<>();
    private final Map<String, Map<String, StoredList>> lists = new LinkedHashMap<>();
    private int created;

    /** Returns a WireMock extension on a dynamic loopback port that serves {@code fake}. */
    static WireMockExtension extension(FakeGuardDuty fake) {
        return WireMockExtension.newInstance()
                .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                        .dynamicPort()
                        .bindAddress("127.0.0.1")
                        .extensions(fake))
                .build();
    }

    /** Clears all state and routes every request to this fake at a low priority. */
    synchronized void reset(WireMockExtension wireMock, String... detectorIds) {
        detectors.clear();
        detectors.addAll(List.of(detectorIds));
        lists.clear();
        lists.put("threatintelset", new LinkedHashMap<>());
        lists.put("threatentityset", new LinkedHashMap<>());
        created = 0;
        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(NAME)));
    }

    /** Adds a list as if created earlier; {@code kind} is {@code threatintelset} or {@code threatentityset}. */
    synchronized void addList(String kind, String id, String name, String format, String location, String status) {
        lists.get(kind).put(id, new StoredList(name, format, location, status));
    }

    /** Returns a list's current state. */
    synchronized StoredList list(String kind, String id) {
        return lists.get(kind).get(id);
    }

    /** Sets a list's status, as GuardDuty does when an activation ends. */
    synchronized void setStatus(String kind, String id, String status) {
        StoredList list = lists.get(kind).get(id);
        lists.get(kind).put(id, new StoredList(list.name(), list.format(), list.location(), status));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        String method = request.getMethod().getName();
        if (path.equals("/detector") && method.equals("GET")) {
            return page("detectorIds", detectors, request);
        }
        Matcher set = SET.matcher(path);
        if (set.matches()) {
            return oneList(method, set.group(1), set.group(2), set.group(3), request);
        }
        Matcher sets = SETS.matcher(path);
        if (sets.matches()) {
            return allLists(method, sets.group(1), sets.group(2), request);
        }
        Matcher detector = DETECTOR.matcher(path);
        if (detector.matches() && method.equals("GET")) {
            return detectors.contains(detector.group(1))
                    ? json(200, "{\"serviceRole\":\"arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/"
                            + "AWSServiceRoleForAmazonGuardDuty\",\"status\":\"ENABLED\"}")
                    : unknownDetector();
        }
        return badRequest("The request is rejected because the API path is not supported by the fake: " + path);
    }

    private ResponseDefinition allLists(String method, String detectorId, String kind, Request request) {
        if (!detectors.contains(detectorId)) {
            return unknownDetector();
        }
        String idsField = kind.equals("threatintelset") ? "threatIntelSetIds" : "threatEntitySetIds";
        if (method.equals("GET")) {
            return page(idsField, new ArrayList<>(lists.get(kind).keySet()), request);
        }
        JsonNode body = body(request);
        created++;
        String id = (kind.equals("threatintelset") ? "intel" : "entity") + created;
        lists.get(kind).put(id, new StoredList(body.path("name").asText(), body.path("format").asText(),
                body.path("location").asText(), body.path("activate").asBoolean() ? "ACTIVATING" : "INACTIVE"));
        String idField = kind.equals("threatintelset") ? "threatIntelSetId" : "threatEntitySetId";
        return json(200, "{\"" + idField + "\":\"" + id + "\"}");
    }

    private ResponseDefinition oneList(String method, String detectorId, String kind, String id, Request request) {
        if (!detectors.contains(detectorId)) {
            return unknownDetector();
        }
        StoredList list = lists.get(kind).get(id);
        if (list == null) {
            return badRequest("The request is rejected because the input " + id + " is not found.");
        }
        if (method.equals("GET")) {
            ObjectNode out = Json.mapper().createObjectNode()
                    .put("name", list.name())
                    .put("format", list.format())
                    .put("location", list.location())
                    .put("status", list.status());
            if (kind.equals("threatentityset") && list.status().equals("ERROR")) {
                // Only entity sets report why they failed.
                out.put("errorDetails", "GuardDuty could not read the file at " + list.location() + ".");
            }
            out.putObject("tags");
            return json(200, out.toString());
        }
        JsonNode body = body(request);
        String location = body.has("location") ? body.get("location").asText() : list.location();
        String status = body.path("activate").asBoolean() ? "ACTIVATING" : list.status();
        lists.get(kind).put(id, new StoredList(list.name(), list.format(), location, status));
        return json(200, "{}");
    }

    private static ResponseDefinition page(String field, List<String> ids, Request request) {
        int size = intParameter(request, "maxResults", 50);
        int start = intParameter(request, "nextToken", 0);
        int end = Math.min(ids.size(), start + size);
        ObjectNode out = Json.mapper().createObjectNode();
        ids.subList(start, end).forEach(out.putArray(field)::add);
        if (end < ids.size()) {
            out.put("nextToken", String.valueOf(end));
        }
        return json(200, out.toString());
    }

    private static int intParameter(Request request, String name, int defaultValue) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : defaultValue;
    }

    private static JsonNode body(Request request) {
        try {
            return Json.mapper().readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinition unknownDetector() {
        return badRequest("The request is rejected because the input detectorId is not owned by the current account.");
    }

    /** Returns GuardDuty's HTTP 400 error: the SDK takes the exception type from the header. */
    static ResponseDefinition badRequest(String message) {
        return error(400, "BadRequestException", message).build();
    }

    /** Returns a GuardDuty error response of the given status, SDK error code and message. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        ObjectNode out = Json.mapper().createObjectNode().put("message", message).put("__type", "InvalidInputException");
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", code)
                .withBody(out.toString());
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    /** A list as the fake stores it. */
    record StoredList(String name, String format, String location, String status) {
    }
}
