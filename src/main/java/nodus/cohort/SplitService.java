package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splits of a cohort task: seeded and stratified ({@link Splitter}) or imported from a column or a file. A split is
 * frozen once a run uses it ({@link #markUsed}); every edit goes through {@link #requireEditable}.
 */
@Service
public class SplitService {

    private final CohortService cohorts;
    private final SplitRepository splits;
    private final CurrentUser currentUser;

    SplitService(CohortService cohorts, SplitRepository splits, CurrentUser currentUser) {
        this.cohorts = cohorts;
        this.splits = splits;
        this.currentUser = currentUser;
    }

    @PermitAll
    public List<Split> list(long cohortId) {
        return splits.findByCohort(cohortId);
    }

    @PermitAll
    public Split find(long splitId) {
        return splits.findById(splitId).orElseThrow(() -> new IllegalArgumentException("no split with id " + splitId));
    }

    /** Case id → part. */
    @PermitAll
    public Map<Long, Part> assignments(long splitId) {
        return splits.assignments(splitId);
    }

    /** Per part, the number of cases of each class (index = label). */
    @PermitAll
    public Map<Part, long[]> classBalance(long splitId) {
        Split split = find(splitId);
        Cohort cohort = cohorts.require(split.cohortId());
        int classes = cohort.task(split.taskName()).orElseThrow().classes().size();
        Map<Long, Integer> labels = cohorts.labels(cohort.id(), split.taskName());
        Map<Part, long[]> balance = new TreeMap<>();
        splits.assignments(splitId).forEach((caseId, part) -> {
            Integer label = labels.get(caseId);
            if (label != null) {
                balance.computeIfAbsent(part, p -> new long[classes])[label]++;
            }
        });
        return balance;
    }

    /**
     * A new seeded split of a cohort task's cases, stratified by label and optionally balanced on clinical
     * variables (categorical: by value; numeric: above/below the cohort median).
     */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public Split create(long cohortId, String taskName, SplitScheme scheme, long seed, List<String> balanceVariables,
            String name) {
        if (scheme == SplitScheme.IMPORTED) {
            throw new IllegalArgumentException("use importFromColumn/importFromFile for imported splits");
        }
        Cohort cohort = cohorts.require(cohortId);
        Dataset dataset = cohorts.dataset(cohort.datasetId());
        List<Variable> balance = new ArrayList<>();
        for (String b : balanceVariables) {
            balance.add(dataset.variable(b).orElseThrow(() -> new IllegalArgumentException("no variable " + b)));
        }
        Map<Long, Integer> labels = cohorts.labels(cohortId, taskName);
        List<ClinicalCase> cases = cohorts.cases(cohortId).stream().filter(c -> labels.containsKey(c.id())).toList();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("task '" + taskName + "' has no cases in " + cohort.ref());
        }
        Map<String, Double> medians = medians(balance, cases);
        List<Splitter.Unit> units = new ArrayList<>();
        for (ClinicalCase c : cases) {
            StringBuilder stratum = new StringBuilder();
            for (Variable v : balance) {
                String value = c.value(v.name());
                if (value == null) {
                    stratum.append("NA|");
                } else if (v.kind() == VariableKind.NUMERIC) {
                    Double x = c.number(v.name());
                    stratum.append(x != null && x > medians.get(v.name()) ? "hi|" : "lo|");
                } else {
                    stratum.append(value).append('|');
                }
            }
            units.add(new Splitter.Unit(c.id(), c.patientKey(), labels.get(c.id()), stratum.toString()));
        }
        Map<Long, Part> parts = Splitter.split(units, scheme.parts(), scheme.ratios(), seed);
        String splitName = name == null || name.isBlank()
                ? scheme.label() + ", seed " + seed + (balance.isEmpty() ? "" : ", balanced on "
                        + String.join(", ", balanceVariables))
                : name.trim();
        return store(cohort, taskName, splitName, scheme, seed, balanceVariables, cases, parts);
    }

    /** A split given by a column of the clinical table (train/validation/test per case), e.g. published folds. */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public Split importFromColumn(long cohortId, String taskName, String column, String name) {
        Cohort cohort = cohorts.require(cohortId);
        Map<Long, Integer> labels = cohorts.labels(cohortId, taskName);
        List<ClinicalCase> cases = cohorts.cases(cohortId).stream().filter(c -> labels.containsKey(c.id())).toList();
        Map<Long, Part> parts = new LinkedHashMap<>();
        for (ClinicalCase c : cases) {
            Part p = Part.parse(c.value(column));
            if (p == null) {
                throw new IllegalArgumentException("case " + c.caseKey() + " (row " + c.sourceRow() + ") column "
                        + column + ": '" + c.value(column) + "' is not train, validation or test");
            }
            parts.put(c.id(), p);
        }
        return store(cohort, taskName, name == null ? "imported from column " + column : name, SplitScheme.IMPORTED,
                null, List.of(), cases, parts);
    }

    /** A split given by a CSV file with columns case_id and part (train/validation/test). */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public Split importFromFile(long cohortId, String taskName, Path file, String name) {
        Cohort cohort = cohorts.require(cohortId);
        ClinicalTable table = TableReader.read(file);
        for (String col : List.of("case_id", "part")) {
            if (table.column(col) < 0) {
                throw new IllegalArgumentException(table.fileName() + " row 1 column " + col + ": column is missing");
            }
        }
        Map<String, Part> byKey = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Part p = Part.parse(table.cell(i, "part"));
            if (p == null) {
                throw new IllegalArgumentException(table.fileName() + " row " + ClinicalTable.rowNumber(i)
                        + " column part: '" + table.cell(i, "part") + "' is not train, validation or test");
            }
            byKey.put(table.cell(i, "case_id"), p);
        }
        Map<Long, Integer> labels = cohorts.labels(cohortId, taskName);
        List<ClinicalCase> cases = cohorts.cases(cohortId).stream().filter(c -> labels.containsKey(c.id())).toList();
        Map<Long, Part> parts = new LinkedHashMap<>();
        for (ClinicalCase c : cases) {
            Part p = byKey.get(c.caseKey());
            if (p == null) {
                throw new IllegalArgumentException(table.fileName() + ": case " + c.caseKey() + " has no part");
            }
            parts.put(c.id(), p);
        }
        return store(cohort, taskName, name == null ? "imported from " + file.getFileName() : name,
                SplitScheme.IMPORTED, null, List.of(), cases, parts);
    }

    /** {@link #importFromFile(long, String, Path, String)} for an uploaded CSV/XLSX file (UI upload). */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public Split importFromUpload(long cohortId, String taskName, String fileName, byte[] content, String name) {
        String base = Path.of(fileName == null || fileName.isBlank() ? "split.csv" : fileName).getFileName().toString();
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("nodus-split");
            Path file = java.nio.file.Files.write(dir.resolve(base), content);
            return importFromFile(cohortId, taskName, file, name == null ? "imported from " + base : name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the uploaded split file: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                DatasetImporter.deleteTree(dir);
            }
        }
    }

    /**
     * Freezes a split because a run uses it, and returns its content hash for the run to record. Idempotent.
     * Open to every role that may start runs; the run services call it.
     */
    @PermitAll
    @Transactional
    public String markUsed(long splitId) {
        Split split = find(splitId);
        splits.markUsed(splitId);
        return split.contentHash();
    }

    /** Throws when the split has been used by a run (then it is frozen). */
    @PermitAll
    public void requireEditable(long splitId) {
        Split split = find(splitId);
        if (split.used()) {
            throw new IllegalStateException("split '" + split.name() + "' (" + split.contentHash().substring(0, 12)
                    + "…) has been used by a run and is frozen; create a new split instead");
        }
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public void rename(long splitId, String name) {
        requireEditable(splitId);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("split name must not be blank");
        }
        splits.rename(splitId, name.trim());
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public void delete(long splitId) {
        requireEditable(splitId);
        splits.delete(splitId);
    }

    private Split store(Cohort cohort, String taskName, String name, SplitScheme scheme, Long seed,
            List<String> balance, List<ClinicalCase> cases, Map<Long, Part> parts) {
        Map<String, Part> byPatient = new HashMap<>();
        for (ClinicalCase c : cases) {
            Part p = parts.get(c.id());
            Part earlier = byPatient.putIfAbsent(c.patientKey(), p);
            if (earlier != null && earlier != p) {
                throw new IllegalArgumentException("patient " + c.patientKey() + " would be in both " + earlier
                        + " and " + p + "; splits are at patient level");
            }
        }
        String hash = SplitHash.of(byPatient);
        long id = splits.insert(cohort.id(), taskName, name, scheme, seed, balance, hash, currentUser.name());
        for (ClinicalCase c : cases) {
            splits.insertAssignment(id, c.id(), c.patientKey(), parts.get(c.id()));
        }
        return find(id);
    }

    private static Map<String, Double> medians(List<Variable> balance, List<ClinicalCase> cases) {
        Map<String, Double> medians = new HashMap<>();
        for (Variable v : balance) {
            if (v.kind() == VariableKind.NUMERIC) {
                double[] xs = cases.stream().map(c -> c.number(v.name())).filter(java.util.Objects::nonNull)
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                medians.put(v.name(), xs.length == 0 ? 0 : xs.length % 2 == 1 ? xs[xs.length / 2]
                        : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
            }
        }
        return medians;
    }
}
