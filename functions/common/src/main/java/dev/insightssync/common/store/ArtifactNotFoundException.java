package dev.insightssync.common.store;

/** Raised when a step needs an artifact that an earlier step should have stored, and it is missing. */
public class ArtifactNotFoundException extends RuntimeException {

    public ArtifactNotFoundException(String location) {
        super("Artifact not found: " + location
                + ". The step that writes it did not finish, or the object was deleted;"
                + " start a new execution instead of redriving this one.");
    }
}
