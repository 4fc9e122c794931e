package dev.insightssync.statemachine.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one Lambda handler once in a fresh JVM, the way the Lambda runtime does: it builds the
 * handler with its public no-arg constructor, which reads the environment, and calls
 * {@code handleRequest(in, out, null)} with the input JSON read from a file.
 *
 * <p>{@link ColdStartBenchmark} copies this class file alone into a temporary folder and starts
 * {@code java -cp <function>-lambda.jar:<folder>}, so this class must use only the JDK and reach
 * the handler by reflection. It has no static state, so nothing runs before {@code main}.
 *
 * <p>Standard output, in this order after the handler's own log lines:
 * <ol>
 *   <li>{@value #DONE_MARKER} {@code <constructor ns> <handleRequest ns>}: written first, so the
 *       parent can time process start to this line without the cost of the lines after it;</li>
 *   <li>{@value #UPTIME_MARKER} {@code <JVM uptime ms>} when the handler returned: read after the
 *       first line was written, because loading the management classes takes tens of
 *       milliseconds, and moved back by the time since the handler returned;</li>
 *   <li>{@value #OUTPUT_MARKER} {@code <handler output JSON>}.</li>
 * </ol>
 */
public final class ColdStartHarness {

    /** Prefix of the line written right after the handler returned. */
    public static final String DONE_MARKER = "COLDSTART-DONE";
    /** Prefix of the line with the JVM uptime when the handler had returned. */
    public static final String UPTIME_MARKER = "COLDSTART-UPTIME";
    /** Prefix of the line with the handler's output. */
    public static final String OUTPUT_MARKER = "COLDSTART-OUTPUT";

    private static final String LAMBDA_CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    private ColdStartHarness() {
    }

    /**
     * Runs the handler. Exceptions propagate, so a failed handler makes the JVM exit with status 1.
     *
     * @param args the handler's class name and the path of the input JSON file
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("Expected 2 arguments, the handler class and the input file, got "
                    + args.length);
        }
        byte[] input = Files.readAllBytes(Path.of(args[1]));

        long start = System.nanoTime();
        Class<?> handlerType = Class.forName(args[0]);
        Object handler = handlerType.getConstructor().newInstance();
        long constructed = System.nanoTime();
        Method handleRequest = handlerType.getMethod("handleRequest",
                InputStream.class, OutputStream.class, Class.forName(LAMBDA_CONTEXT));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handleRequest.invoke(handler, new ByteArrayInputStream(input), output, null);
        long handled = System.nanoTime();

        System.out.println(DONE_MARKER + " " + (constructed - start) + " " + (handled - constructed));
        System.out.flush();
        // The uptime is read now and moved back by the time since the handler returned.
        long uptimeNowMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long sinceHandledMs = (System.nanoTime() - handled) / 1_000_000;
        System.out.println(UPTIME_MARKER + " " + (uptimeNowMs - sinceHandledMs));
        System.out.println(OUTPUT_MARKER + " " + output.toString(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
