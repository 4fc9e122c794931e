package dev.insightssync.common.lambda;

/** Raised when a step's input does not parse into its input record; retrying cannot help. */
public class InvalidStepInputException extends RuntimeException {

    public InvalidStepInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
