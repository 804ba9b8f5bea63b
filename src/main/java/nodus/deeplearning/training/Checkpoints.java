package nodus.deeplearning.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.weights.NodusCheckpoint;
import nodus.deeplearning.weights.WeightsProvenance;

/**
 * A run's checkpoint folder: {@code last/} (after every epoch: network, SGD momentum buffers, loop state) and
 * {@code best/} (the network of the best validation AUC so far). A checkpoint is written to a temporary folder
 * and then renamed over the old one, so a crash while writing leaves the previous checkpoint intact. Once the
 * run has ended and predicted with {@code best/}, {@code last/} is discarded ({@link #discardLast}).
 */
final class Checkpoints {

    static final String LAST = "last";
    static final String BEST = "best";
    static final String MODEL = "model";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The loop's state after an epoch. Data order, augmentation and dropout are derived from (seed, epoch), so
     * the epoch count is all the random state there is to keep.
     *
     * @param epochsDone epochs completed
     * @param bestAuc    best validation AUC so far (NaN if none)
     * @param bestEpoch  its epoch (1-based; 0 if none)
     * @param sinceBest  epochs since it
     * @param specJson   the spec trained (a resume with another spec is refused)
     */
    record State(int epochsDone, double bestAuc, int bestEpoch, int sinceBest, String specJson) {
    }

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path lastModel() {
        return dir.resolve(LAST).resolve(MODEL + ".json");
    }

    Path bestModel() {
        return dir.resolve(BEST).resolve(MODEL + ".json");
    }

    void saveLast(Backbone net, WeightsProvenance origin, Sgd sgd, State state) throws IOException {
        Path tmp = fresh("last.tmp");
        NodusCheckpoint.save(net, false, tmp, MODEL, origin);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp.resolve("optimizer.bin"))))) {
            sgd.save(out);
        }
        JSON.writeValue(tmp.resolve("state.json").toFile(), new Stored(state.epochsDone(),
                Double.isNaN(state.bestAuc()) ? null : state.bestAuc(), state.bestEpoch(), state.sinceBest(),
                state.specJson()));
        swap(tmp, LAST);
    }

    void saveBest(Backbone net, WeightsProvenance origin) throws IOException {
        Path tmp = fresh("best.tmp");
        NodusCheckpoint.save(net, false, tmp, MODEL, origin);
        swap(tmp, BEST);
    }

    /** Deletes {@code last/} (a later resume then starts afresh, which gives the same weights). */
    void discardLast() throws IOException {
        delete(dir.resolve(LAST + ".old"));
        delete(dir.resolve(LAST));
    }

    /** The last completed epoch's state, if a checkpoint exists. */
    Optional<State> readState() throws IOException {
        recover(LAST);
        Path f = dir.resolve(LAST).resolve("state.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Stored s = JSON.readValue(f.toFile(), Stored.class);
        return Optional.of(new State(s.epochsDone(), s.bestAuc() == null ? Double.NaN : s.bestAuc(), s.bestEpoch(),
                s.sinceBest(), s.specJson()));
    }

    void loadOptimizer(Sgd sgd) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(LAST).resolve("optimizer.bin"))))) {
            sgd.load(in);
        }
    }

    /** SHA-256 of the last checkpoint's parameter file, as its manifest records it (checked on every load). */
    String lastSha256() throws IOException {
        return JSON.readTree(lastModel().toFile()).path("sha256").asText();
    }

    boolean hasBest() {
        recover(BEST);
        return Files.isRegularFile(bestModel());
    }

    private Path fresh(String name) throws IOException {
        Path tmp = dir.resolve(name);
        delete(tmp);
        Files.createDirectories(tmp);
        return tmp;
    }

    private void swap(Path tmp, String name) throws IOException {
        Path target = dir.resolve(name);
        Path old = dir.resolve(name + ".old");
        delete(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        delete(old);
    }

    /** A crash between the two renames of {@link #swap} leaves only {@code name.old}: take it back. */
    private void recover(String name) {
        Path target = dir.resolve(name);
        Path old = dir.resolve(name + ".old");
        try {
            if (!Files.exists(target) && Files.exists(old)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** JSON form of {@link State} (JSON has no NaN). */
    record Stored(int epochsDone, Double bestAuc, int bestEpoch, int sinceBest, String specJson) {
    }
}
