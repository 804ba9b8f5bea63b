package nodus.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import nodus.base.config.DataHome;
import nodus.base.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The all-or-nothing import: validate everything first (nothing written when any problem), then in ONE
 * transaction insert the dataset, its cases and images, and copy the image and mask files into the data home
 * ({@code datasets/<id>/…}, keeping their paths relative to the import folder). Any failure rolls the transaction
 * back and deletes the copied files, so a failed import leaves the database and the data home as they were.
 * Not secured itself: {@link ImportService} checks the role.
 */
@Component
class DatasetImporter {

    private final DatasetRepository datasets;
    private final DataHome dataHome;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;

    DatasetImporter(DatasetRepository datasets, DataHome dataHome, CurrentUser currentUser,
            PlatformTransactionManager transactions) {
        this.datasets = datasets;
        this.dataHome = dataHome;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
    }

    Dataset run(ImportRequest request) {
        ImportValidator.Result result = ImportValidator.validate(request);
        if (!result.problems().isEmpty()) {
            throw new ImportValidationException(result.problems());
        }
        if (datasets.existsByName(request.datasetName())) {
            throw new ImportValidationException(java.util.List.of(new ImportProblem(request.mapping().tableFile(),
                    null, null, "a dataset named '" + request.datasetName() + "' already exists")));
        }
        Path tableFile = request.folder().resolve(request.mapping().tableFile());
        String provenance = "imported from " + request.folder() + "; table " + request.mapping().tableFile()
                + " (SHA-256 " + sha256(tableFile) + "); " + result.rows().size() + " cases, "
                + result.rows().stream().filter(r -> r.mask() != null).count() + " masks";
        Path[] target = new Path[1];
        try {
            return transaction.execute(status -> {
                long id = datasets.insert(request.datasetName(), request.source(), provenance,
                        Json.write(request.mapping()), request.mapping().variables(), currentUser.name());
                String folder = "datasets/" + id;
                datasets.setFolder(id, folder);
                target[0] = dataHome.root().resolve(folder);
                for (ImportValidator.ValidRow row : result.rows()) {
                    long caseId = datasets.insertCase(id, row.caseKey(), row.patientKey(), row.values(), row.sourceRow());
                    String imageRel = copy(request, row.image(), target[0]);
                    String maskRel = row.mask() == null ? null : copy(request, row.mask(), target[0]);
                    datasets.insertImage(caseId, 0, new CaseImage(imageRel, maskRel, row.width(), row.height(),
                            row.spacingMm(), row.spacingMm(), row.maskPixels()));
                }
                return datasets.findById(id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (target[0] != null) {
                deleteTree(target[0]);
            }
            throw e;
        }
    }

    private static String copy(ImportRequest request, Path source, Path targetRoot) {
        String rel = request.folder().relativize(source.normalize()).toString().replace('\\', '/');
        Path dest = targetRoot.resolve(rel);
        try {
            Files.createDirectories(dest.getParent());
            if (!Files.exists(dest)) {
                Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the data home: " + e.getMessage(), e);
        }
        return rel;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the transaction has already been rolled back
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
