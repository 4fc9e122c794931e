package dev.insightssync.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Holds the one JSON mapper that every step uses for its input, output and stored artifacts.
 *
 * <p>Instants are written as ISO-8601 strings so that state payloads stay readable in the
 * Step Functions console, and unknown properties are ignored so that an execution input with
 * extra fields, or an artifact written by a newer version, still parses.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** Returns the shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
