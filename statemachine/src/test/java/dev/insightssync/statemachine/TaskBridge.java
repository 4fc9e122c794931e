package dev.insightssync.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.lambda.JsonStepHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The loopback HTTP server that {@code run-execution.mjs} sends every Task of the state machine
 * to: Lambda tasks run the real step handlers in this JVM, and service tasks (SNS, S3, GuardDuty)
 * run whatever the test registered for them. Every call is recorded.
 *
 * <p>A handler's exception is reported the way the Lambda service reports it: the error type is the
 * exception's fully qualified class name.
 */
final class TaskBridge implements AutoCloseable {

    /** One request the state machine sent: {@code lambda/<function>} or {@code task/<resource>}, and its body. */
    record Call(String target, JsonNode body) {
    }

    /** Thrown by a service task to fail with a Step Functions error name and cause. */
    static final class TaskFailure extends RuntimeException {

        private final String error;

        TaskFailure(String error, String cause) {
            super(cause);
            this.error = error;
        }
    }

    private final HttpServer server;
    private final Map<String, JsonStepHandler<?, ?>> functions = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, JsonNode>> services = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    TaskBridge() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lambda/", exchange -> respond(exchange, this::invokeFunction));
        server.createContext("/task/", exchange -> respond(exchange, this::invokeService));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Binds a function name (the {@code FunctionName} the definition passes) to a real handler. */
    TaskBridge function(String name, JsonStepHandler<?, ?> handler) {
        functions.put(name, handler);
        return this;
    }

    /** Binds a service resource such as {@code sns:publish} or {@code aws-sdk:s3:putObject} to a function. */
    TaskBridge service(String resource, Function<JsonNode, JsonNode> handler) {
        services.put(resource, handler);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Returns the bodies of the calls to one target, in call order. */
    List<JsonNode> callsTo(String target) {
        return calls.stream().filter(call -> call.target().equals(target)).map(Call::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Response invokeFunction(String name, byte[] body) throws IOException {
        JsonStepHandler<?, ?> handler = functions.get(name);
        if (handler == null) {
            return error(404, "No function bound to " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.process(new ByteArrayInputStream(body), out);
            return new Response(200, out.toByteArray());
        } catch (RuntimeException | IOException e) {
            ObjectNode failure = Json.mapper().createObjectNode()
                    .put("errorType", e.getClass().getName())
                    .put("errorMessage", e.getMessage());
            return new Response(500, Json.mapper().writeValueAsBytes(failure));
        }
    }

    private Response invokeService(String resource, byte[] body) throws IOException {
        Function<JsonNode, JsonNode> handler = services.get(resource);
        if (handler == null) {
            return error(404, "No service task bound to " + resource);
        }
        try {
            return new Response(200, Json.mapper().writeValueAsBytes(handler.apply(Json.mapper().readTree(body))));
        } catch (TaskFailure e) {
            ObjectNode failure = Json.mapper().createObjectNode().put("error", e.error).put("cause", e.getMessage());
            return new Response(400, Json.mapper().writeValueAsBytes(failure));
        }
    }

    private interface Route {
        Response handle(String name, byte[] body) throws IOException;
    }

    private record Response(int status, byte[] body) {
    }

    private void respond(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String context = exchange.getHttpContext().getPath();
            String name = URLDecoder.decode(path.substring(context.length()), StandardCharsets.UTF_8);
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(context.substring(1) + name, Json.mapper().readTree(body)));
            Response response;
            try {
                response = route.handle(name, body);
            } catch (RuntimeException e) {
                // A broken test binding must fail the execution visibly, not hang the runner.
                response = error(500, "Bridge failure: " + e);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    private static Response error(int status, String message) throws IOException {
        ObjectNode failure = Json.mapper().createObjectNode()
                .put("errorType", "Bridge.Error").put("errorMessage", message)
                .put("error", "Bridge.Error").put("cause", message);
        return new Response(status, Json.mapper().writeValueAsBytes(failure));
    }
}
