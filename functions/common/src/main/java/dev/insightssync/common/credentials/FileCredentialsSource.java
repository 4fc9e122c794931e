package dev.insightssync.common.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the credentials from a local JSON file with the same keys as the Secrets Manager secret. */
public final class FileCredentialsSource implements CredentialsSource {

    private final Path file;

    public FileCredentialsSource(Path file) {
        this.file = file;
    }

    @Override
    public InsightsCredentials load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidCredentialsException("Insights credentials file not found: " + file
                    + ". Pass the path of a JSON file with the keys " + CredentialsJson.API_KEY + ", "
                    + CredentialsJson.CLIENT_ID + " and " + CredentialsJson.CLIENT_SECRET + ".");
        } catch (IOException e) {
            throw new InvalidCredentialsException("Failed to read the Insights credentials file " + file
                    + ": " + e.getMessage() + ".");
        }
        return CredentialsJson.parse(text, "file " + file);
    }
}
