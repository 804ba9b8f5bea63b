package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Dataset;
import nodus.cohort.ImportMapping;
import nodus.cohort.ImportProblem;
import nodus.cohort.ImportRequest;
import nodus.cohort.ImportService;
import nodus.cohort.ImportValidationException;
import nodus.cohort.PresetImportService;
import nodus.cohort.SystemUser;
import nodus.cohort.TableReader;
import nodus.cohort.TypeDetector;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nodus import [--preset breast-lesions-usg] <folder> [--data-home dir]}: imports a folder of images, masks
 * and a clinical table (CSV or XLSX) into the database, all or nothing. Without a preset, the table, case id
 * column and file-name patterns are given as options (or a saved mapping with {@code --mapping}), and column types
 * are detected. Validation problems: every one is printed to standard output, one summary line to standard error,
 * exit 2.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a dataset folder (images, masks, clinical CSV/XLSX) into the Nodus database.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "the folder to import")
    Path folder;

    @Option(names = "--preset", description = "a known layout: breast-lesions-usg")
    String preset;

    @Option(names = "--data-home", description = "the data home (default: nodus.data-home / NODUS_DATA_HOME)")
    String dataHome;

    @Option(names = "--name", description = "dataset (and cohort) name")
    String name;

    @Option(names = "--mapping", description = "name of a saved column mapping")
    String mapping;

    @Option(names = "--table", description = "clinical table file inside the folder (CSV or XLSX)")
    String table;

    @Option(names = "--id-column", description = "column with the case id")
    String idColumn;

    @Option(names = "--patient-column", description = "column with the patient id (default: the case id)")
    String patientColumn;

    @Option(names = "--image-dir", defaultValue = "", description = "sub-folder of images and masks")
    String imageDir;

    @Option(names = "--image-pattern", defaultValue = "{id}.png", description = "image file name, {id} = case id")
    String imagePattern;

    @Option(names = "--mask-pattern", description = "mask file name, {id} = case id")
    String maskPattern;

    @Option(names = "--spacing-mm", defaultValue = "1", description = "pixel spacing in mm (default 1)")
    double spacingMm;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("nodus import: folder " + folder + " does not exist");
            return 2;
        }
        // No demo cohort on an import-only start: the import is the user's first cohort.
        try (ConfigurableApplicationContext context = HeadlessSpring.start(dataHome,
                Map.of("nodus.demo.enabled", "false"))) {
            return SystemUser.asResearcher(() -> run(context, out, err));
        } catch (ImportValidationException e) {
            return problems(e.problems(), out, err);
        } catch (IllegalArgumentException e) {
            err.println("nodus import: " + e.getMessage());
            return 2;
        }
    }

    private int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
        try {
            if (preset != null) {
                Cohort cohort = context.getBean(PresetImportService.class).importPreset(preset, folder, name);
                CohortService cohorts = context.getBean(CohortService.class);
                var cases = cohorts.cases(cohort.id());
                long masks = cases.stream().flatMap(c -> c.images().stream()).filter(i -> i.hasMask()).count();
                out.println("imported " + cohorts.datasetCases(cohort.datasetId()).size() + " cases (" + masks
                        + " masks) as dataset and cohort '" + cohort.ref() + "'");
                return 0;
            }
            ImportService imports = context.getBean(ImportService.class);
            ImportMapping m;
            if (mapping != null) {
                m = imports.mapping(mapping).orElseThrow(() -> new IllegalArgumentException("no saved mapping '"
                        + mapping + "'"));
            } else {
                if (table == null || idColumn == null) {
                    throw new IllegalArgumentException("give --preset, --mapping, or --table and --id-column");
                }
                var clinical = TableReader.read(folder.resolve(table));
                java.util.Set<String> skip = new java.util.HashSet<>(List.of(idColumn));
                if (patientColumn != null) {
                    skip.add(patientColumn);
                }
                m = ImportMapping.builder().setTableFile(table).setCaseIdColumn(idColumn)
                        .optPatientIdColumn(patientColumn).optImageDir(imageDir).setImagePattern(imagePattern)
                        .optMaskPattern(maskPattern).optDefaultSpacingMm(spacingMm)
                        .setVariables(TypeDetector.variables(clinical, skip)).build();
            }
            Dataset dataset = imports.importDataset(new ImportRequest(folder,
                    name == null ? folder.getFileName().toString() : name, "nodus import " + folder, m));
            out.println("imported dataset '" + dataset.name() + "' (id " + dataset.id() + "): " + dataset.provenance());
            return 0;
        } catch (ImportValidationException e) {
            return problems(e.problems(), out, err);
        }
    }

    private static int problems(List<ImportProblem> problems, PrintWriter out, PrintWriter err) {
        problems.forEach(out::println);
        err.println("nodus import: " + problems.size() + " problem(s), nothing imported; first: " + problems.get(0));
        return 2;
    }
}
