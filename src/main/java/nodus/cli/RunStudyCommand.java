package nodus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.experiment.compare.ComparisonResult;
import nodus.experiment.compare.ComparisonTable;
import nodus.study.PlannedRun;
import nodus.study.Study;
import nodus.study.StudyProgress;
import nodus.study.StudyRun;
import nodus.study.StudyService;
import nodus.study.StudySpec;
import nodus.study.StudySpecException;
import nodus.study.StudySpecParser;
import nodus.study.StudyStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nodus run experiments/<file>.yaml [--data-home DIR] [--tracking-uri URI] [--out table.csv|.json]}: runs a
 * whole study headless — the spec is checked first (a mistake is refused before anything runs, naming its line
 * and field), then the study is launched on the job engine with a worker in this process, its progress printed as
 * runs change state, and the comparison table of every task printed at the end. Runs that already exist with the
 * same inputs and settings are reused, not recomputed. Exit 0 all finished, 1 a run failed, 2 bad spec.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a study spec (experiments/*.yaml) headless and print its comparison table.")
public final class RunStudyCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the study spec, e.g. experiments/wei-2023-aln-demo.yaml")
    Path file;

    @Option(names = "--data-home", description = "Nodus data home (default: NODUS_DATA_HOME or ./nodus-data)")
    Path dataHome;

    @Option(names = "--tracking-uri", description = "MLflow tracking server to mirror the runs to")
    String trackingUri;

    @Option(names = "--out", description = "also write the tables to this file (.csv or .json)")
    Path outFile;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "1000", description = "progress poll interval")
    long pollMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String yaml;
        StudySpec parsed;
        try {
            yaml = Files.readString(file);
            parsed = StudySpecParser.read(file);
        } catch (IOException e) {
            err.println("nodus run: cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (StudySpecException e) {
            err.println("nodus run: " + e.getMessage());
            return 2;
        }
        if (outFile != null && !(outFile.toString().endsWith(".csv") || outFile.toString().endsWith(".json"))) {
            err.println("nodus run: --out " + outFile + ": the file name must end in .csv or .json");
            return 2;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("jobrunr.background-job-server.enabled", "true");
        if (trackingUri != null) {
            props.put("nodus.mlflow.tracking-uri", trackingUri);
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext ctx = HeadlessSpring.start(
                dataHome == null ? null : dataHome.toAbsolutePath().toString(), props)) {
            HeadlessSpring.actAs("cli", "RESEARCHER");
            StudyService studies = ctx.getBean(StudyService.class);
            String source = file.getFileName().toString();
            List<PlannedRun> plan;
            try {
                plan = studies.check(parsed, source);
            } catch (StudySpecException e) {
                err.println("nodus run: " + e.getMessage());
                return 2;
            }
            out.printf(Locale.ROOT, "study %s: %d runs on %s (%s)%n", parsed.name(), plan.size(),
                    parsed.cohort().ref(), String.join("; ", parsed.tasks().stream().map(StudySpec.TaskSpec::name)
                            .toList()));
            out.println("estimated time: " + studies.estimate(parsed, source).describe());
            out.flush();
            Study study = studies.launch(parsed, yaml, source);
            StudyProgress progress = follow(studies, study.id(), out);
            out.printf(Locale.ROOT, "%nstudy %d %s in %.0f s: %s%n", study.id(), progress.study().status(),
                    (System.nanoTime() - started) / 1e9, progress.summary());
            printWallTimes(progress, out);
            for (String f : progress.failures()) {
                out.println("  FAILED " + f);
            }
            Map<String, ComparisonResult> results = studies.results(study.id());
            results.forEach((task, result) -> {
                out.println();
                out.println("Task: " + task + " (comparison " + progress.comparisons().get(task) + ")");
                out.print(text(result));
            });
            out.flush();
            if (outFile != null) {
                Files.writeString(outFile, outFile.toString().endsWith(".json") ? json(results) : csv(results));
                out.println("tables written to " + outFile);
            }
            return progress.study().status() == StudyStatus.FINISHED ? 0 : 1;
        }
    }

    private StudyProgress follow(StudyService studies, long studyId, PrintWriter out) throws InterruptedException {
        Map<String, String> last = new HashMap<>();
        while (true) {
            StudyProgress p = studies.progress(studyId);
            for (StudyRun r : p.runs()) {
                String state = r.state() + (r.reused() ? " (reused)" : "");
                if (!state.equals(last.put(r.key(), state))) {
                    out.printf(Locale.ROOT, "[%s] %-22s %-40s %-9s%s%s%n", LocalTime.now(ZoneOffset.UTC).format(CLOCK),
                            shorten(r.task(), 22), shorten(r.name(), 40), r.state(),
                            r.runId() == null ? "" : " run " + r.runId(), r.reused() ? " (reused, not recomputed)"
                                    : r.state() == StudyRun.State.FAILED && r.message() != null ? " — " + r.message()
                                    : "");
                }
            }
            out.flush();
            if (p.study().status() != StudyStatus.RUNNING) {
                return p;
            }
            Thread.sleep(pollMs);
        }
    }

    private static void printWallTimes(StudyProgress progress, PrintWriter out) {
        out.println("wall time per run (start → end, as recorded by the run):");
        for (StudyRun r : progress.runs()) {
            Duration d = r.wallTime();
            out.printf(Locale.ROOT, "  %-22s %-40s %s%s%n", shorten(r.task(), 22), shorten(r.name(), 40),
                    d == null ? "—" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0),
                    r.reused() ? " (reused)" : "");
        }
    }

    /** The paper's table as aligned text. */
    static String text(ComparisonResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ComparisonTable.HEADERS);
        ComparisonTable.lines(result).forEach(l -> rows.add(l.cells()));
        int[] width = new int[ComparisonTable.HEADERS.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            List<String> r = rows.get(k);
            for (int i = 0; i < r.size(); i++) {
                s.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", r.get(i)));
            }
            s.append(System.lineSeparator());
            if (k == 0) {
                int total = java.util.Arrays.stream(width).sum() + 2 * (width.length - 1);
                s.append("-".repeat(total)).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    static String csv(Map<String, ComparisonResult> results) {
        StringBuilder s = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("Task"));
        header.addAll(ComparisonTable.HEADERS);
        s.append(String.join(",", header.stream().map(RunStudyCommand::csvCell).toList())).append("\r\n");
        results.forEach((task, result) -> ComparisonTable.lines(result).forEach(l -> {
            List<String> cells = new ArrayList<>(List.of(task));
            cells.addAll(l.cells());
            s.append(String.join(",", cells.stream().map(RunStudyCommand::csvCell).toList())).append("\r\n");
        }));
        return s.toString();
    }

    static String json(Map<String, ComparisonResult> results) {
        List<Object> tasks = new ArrayList<>();
        results.forEach((task, result) -> {
            List<Object> rows = new ArrayList<>();
            for (ComparisonTable.Line l : ComparisonTable.lines(result)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("runId", l.row().run().id());
                for (int i = 0; i < ComparisonTable.HEADERS.size(); i++) {
                    row.put(ComparisonTable.HEADERS.get(i), l.cells().get(i));
                }
                rows.add(row);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("task", task);
            t.put("rows", rows);
            tasks.add(t);
        });
        return JsonWriter.write(Map.of("tasks", tasks));
    }

    private static String csvCell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
