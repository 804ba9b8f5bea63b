package nodus.base.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data home: one folder that holds everything Nodus writes (database, image caches, feature caches, run
 * artifacts, the DJL engine cache). Set by {@code nodus.data-home} or {@code NODUS_DATA_HOME}; default
 * {@code ./nodus-data}.
 */
@Component
public class DataHome {

    private final Path root;

    public DataHome(@Value("${nodus.data-home}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data home " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** A sub-folder of the data home, created if missing. */
    public Path dir(String first, String... more) {
        Path dir = root.resolve(Path.of(first, more));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
