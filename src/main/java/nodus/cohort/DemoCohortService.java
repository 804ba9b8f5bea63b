package nodus.cohort;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nodus.base.security.Role;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Creates the demo cohort: generates the synthetic cases ({@link DemoCohortGenerator}), writes them as an ordinary
 * import folder (PNG images, PNG masks, clinical.csv) and imports that through the same validated, all-or-nothing
 * path as real data, then defines the cohort with its rules and the reference study's three tasks.
 */
@Service
public class DemoCohortService {

    public static final String DATASET_NAME = "Demo ALN (synthetic)";
    public static final String COHORT_NAME = "Demo ALN cohort";
    public static final String TASK_N0_VS_NPLUS = "N0 vs N+(≥1)";
    public static final String TASK_LOW_VS_HIGH = "N+(1–2) vs N+(≥3)";
    public static final String TASK_THREE_CLASS = "N0 / N+(1–2) / N+(≥3)";

    private final DatasetImporter importer;
    private final CohortService cohorts;
    private final int defaultCases;
    private final int defaultSize;
    private final long defaultSeed;

    DemoCohortService(DatasetImporter importer, CohortService cohorts,
            @Value("${nodus.demo.cases:300}") int defaultCases, @Value("${nodus.demo.size:128}") int defaultSize,
            @Value("${nodus.demo.seed:20230701}") long defaultSeed) {
        this.importer = importer;
        this.cohorts = cohorts;
        this.defaultCases = defaultCases;
        this.defaultSize = defaultSize;
        this.defaultSeed = defaultSeed;
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    public Cohort createDefault() {
        return create(DATASET_NAME, COHORT_NAME, defaultCases, defaultSize, defaultSeed);
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    public Cohort create(String datasetName, String cohortName, int cases, int size, long seed) {
        List<DemoCohortGenerator.DemoCase> demo = DemoCohortGenerator.generate(cases, size, seed);
        Path folder;
        try {
            folder = Files.createTempDirectory("nodus-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            write(folder, demo);
            ImportMapping mapping = ImportMapping.builder().setTableFile("clinical.csv").setCaseIdColumn("case_id")
                    .setImagePattern("{id}.png").optImageDir("images").optMaskPattern("{id}_mask.png")
                    .optMasksRequired(true).optDefaultSpacingMm(DemoCohortGenerator.FIELD_OF_VIEW_MM / size)
                    .setVariables(DemoCohortGenerator.variables()).build();
            Dataset dataset = importer.run(new ImportRequest(folder, datasetName,
                    "synthetic: nodus DemoCohortGenerator seed " + seed + ", " + cases + " cases, " + size + "×" + size
                            + " px (docs/demo-cohort.md)", mapping));
            return cohorts.create(dataset.id(), cohortName,
                    "Synthetic breast-ultrasound cohort for trying Nodus; class sizes in the proportions of the "
                            + "reference study (N0 639, N+(1–2) 98, N+(≥3) 155).",
                    List.of(Rule.include("tumour_size_mm", Rule.Op.LE, "50"),
                            Rule.include("aln_status", Rule.Op.PRESENT, null)),
                    tasks());
        } finally {
            DatasetImporter.deleteTree(folder);
        }
    }

    /** The reference study's three tasks on the column aln_status. */
    public static List<Task> tasks() {
        List<String> c = DemoCohortGenerator.CLASSES;
        return List.of(
                new Task(TASK_N0_VS_NPLUS, TaskKind.BINARY, "aln_status", List.of(
                        new LabelClass("N0", List.of(c.get(0))), new LabelClass("N+(≥1)", List.of(c.get(1), c.get(2))))),
                new Task(TASK_LOW_VS_HIGH, TaskKind.BINARY_SUBSET, "aln_status", List.of(
                        new LabelClass("N+(1–2)", List.of(c.get(1))), new LabelClass("N+(≥3)", List.of(c.get(2))))),
                new Task(TASK_THREE_CLASS, TaskKind.MULTICLASS, "aln_status", List.of(
                        new LabelClass("N0", List.of(c.get(0))), new LabelClass("N+(1–2)", List.of(c.get(1))),
                        new LabelClass("N+(≥3)", List.of(c.get(2))))));
    }

    private static void write(Path folder, List<DemoCohortGenerator.DemoCase> demo) {
        try {
            Path images = Files.createDirectories(folder.resolve("images"));
            List<Variable> vars = DemoCohortGenerator.variables();
            StringBuilder csv = new StringBuilder("case_id");
            vars.forEach(v -> csv.append(',').append(v.name()));
            csv.append('\n');
            for (DemoCohortGenerator.DemoCase c : demo) {
                csv.append(c.caseId());
                for (Variable v : vars) {
                    String value = c.values().get(v.name());
                    csv.append(',').append(value.contains(",") ? '"' + value + '"' : value);
                }
                csv.append('\n');
                PngWriter.writeGrey(images.resolve(c.caseId() + ".png"), c.image());
                PngWriter.writeMask(images.resolve(c.caseId() + "_mask.png"), c.mask());
            }
            Files.writeString(folder.resolve("clinical.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo cohort: " + e.getMessage(), e);
        }
    }

    /** Minimal 8-bit PNG writing (ImageIO). */
    static final class PngWriter {
        private PngWriter() {
        }

        static void writeGrey(Path file, GrayImage image) throws IOException {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(image.width(), image.height(),
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            double[] px = image.pixels();
            int[] samples = new int[px.length];
            for (int i = 0; i < px.length; i++) {
                samples[i] = (int) Math.max(0, Math.min(255, Math.round(px[i])));
            }
            img.getRaster().setPixels(0, 0, image.width(), image.height(), samples);
            javax.imageio.ImageIO.write(img, "png", file.toFile());
        }

        static void writeMask(Path file, Mask mask) throws IOException {
            boolean[] in = mask.inside();
            double[] px = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                px[i] = in[i] ? 255 : 0;
            }
            writeGrey(file, GrayImage.of(mask.width(), mask.height(), px));
        }
    }
}
