package dev.insightssync.common.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Stores artifacts in a local folder laid out like the S3 bucket: the key {@code lists/ip/x.txt}
 * is the file {@code <root>/lists/ip/x.txt}. Used by the CLI's {@code --output-dir}.
 */
public final class LocalArtifactStore implements ArtifactStore {

    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            // Write beside the target and rename, so a reader never sees a half-written file.
            Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path source = resolve(key);
        try {
            return Files.newInputStream(source);
        } catch (NoSuchFileException e) {
            throw new ArtifactNotFoundException(source.toString());
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path source = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(source));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public String locationOf(String key) {
        return resolve(key).toString();
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || key.startsWith("/")) {
            throw new IllegalArgumentException("Invalid artifact key '" + key + "': it leaves the output folder " + root);
        }
        return path;
    }
}
