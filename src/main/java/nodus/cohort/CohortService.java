package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.base.config.DataHome;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Datasets, cohorts (versioned) and the cases/labels of a cohort task. Reading is open to every logged-in role;
 * creating and revising cohorts is for researchers, checked on every call.
 */
@Service
public class CohortService {

    private final DatasetRepository datasets;
    private final CohortRepository cohorts;
    private final CurrentUser currentUser;
    private final DataHome dataHome;

    CohortService(DatasetRepository datasets, CohortRepository cohorts, CurrentUser currentUser, DataHome dataHome) {
        this.datasets = datasets;
        this.cohorts = cohorts;
        this.currentUser = currentUser;
        this.dataHome = dataHome;
    }

    @PermitAll
    public List<Cohort> list() {
        return cohorts.findAll();
    }

    @PermitAll
    public Optional<Cohort> find(long id) {
        return cohorts.findById(id);
    }

    @PermitAll
    public List<Cohort> versions(String name) {
        return cohorts.versions(name);
    }

    @PermitAll
    public List<Dataset> datasets() {
        return datasets.findAll();
    }

    @PermitAll
    public Dataset dataset(long id) {
        return datasets.findById(id).orElseThrow(() -> new IllegalArgumentException("no dataset with id " + id));
    }

    @PermitAll
    public List<ClinicalCase> datasetCases(long datasetId) {
        return datasets.cases(datasetId);
    }

    /** The cases of a cohort version: the dataset's cases that pass all its rules, in import order. */
    @PermitAll
    public List<ClinicalCase> cases(long cohortId) {
        Cohort cohort = require(cohortId);
        return datasets.cases(cohort.datasetId()).stream().filter(cohort::admits).toList();
    }

    /** The labels of a task: case id → class index, only for cohort cases that are part of the task. */
    @PermitAll
    public Map<Long, Integer> labels(long cohortId, String taskName) {
        Cohort cohort = require(cohortId);
        Task task = cohort.task(taskName).orElseThrow(() -> new IllegalArgumentException("cohort " + cohort.ref()
                + " has no task '" + taskName + "'"));
        Map<Long, Integer> labels = new LinkedHashMap<>();
        for (ClinicalCase c : cases(cohortId)) {
            int label = task.label(c);
            if (label >= 0) {
                labels.put(c.id(), label);
            }
        }
        return labels;
    }

    /** A page of a cohort's cases, for lazy grids. */
    @PermitAll
    public List<ClinicalCase> casesPage(long cohortId, int offset, int limit) {
        return cases(cohortId).stream().skip(offset).limit(limit).toList();
    }

    /** A PNG thumbnail (at most {@code size} px) of a case image with its mask outlined. */
    @PermitAll
    public byte[] thumbnail(long datasetId, CaseImage image, int size) {
        return Thumbnails.png(file(datasetId, image.imagePath()),
                image.maskPath() == null ? null : file(datasetId, image.maskPath()), size);
    }

    /** The absolute path of a stored image or mask (relative path from a {@link CaseImage}). */
    @PermitAll
    public Path file(long datasetId, String relativePath) {
        Dataset dataset = dataset(datasetId);
        Path root = dataHome.root().resolve(dataset.folder()).normalize();
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path " + relativePath + " is outside the dataset folder");
        }
        return file;
    }

    /** Researchers, and admins because an admin may import (the import wizard creates the first cohort). */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Cohort create(long datasetId, String name, String description, List<Rule> rules, List<Task> tasks) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("cohort name must not be blank");
        }
        if (cohorts.maxVersion(trimmed) > 0) {
            throw new IllegalArgumentException("a cohort named '" + trimmed + "' already exists; revise it instead");
        }
        Dataset dataset = dataset(datasetId);
        check(dataset, rules, tasks);
        long id = cohorts.insert(trimmed, 1, datasetId, description, rules, tasks, currentUser.name());
        return cohorts.findById(id).orElseThrow();
    }

    /** A change to a cohort: stored as the next version; the old version (and its splits and runs) stays as it was. */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public Cohort revise(long cohortId, String description, List<Rule> rules, List<Task> tasks) {
        Cohort old = require(cohortId);
        check(dataset(old.datasetId()), rules, tasks);
        long id = cohorts.insert(old.name(), cohorts.maxVersion(old.name()) + 1, old.datasetId(), description, rules,
                tasks, currentUser.name());
        return cohorts.findById(id).orElseThrow();
    }

    private static void check(Dataset dataset, List<Rule> rules, List<Task> tasks) {
        for (Rule r : rules) {
            if (dataset.variable(r.variable()).isEmpty()) {
                throw new IllegalArgumentException("rule '" + r.describe() + "': dataset " + dataset.name()
                        + " has no variable " + r.variable());
            }
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a cohort needs at least one task");
        }
        for (Task t : tasks) {
            Variable v = dataset.variable(t.column()).orElseThrow(() -> new IllegalArgumentException("task '"
                    + t.name() + "': dataset " + dataset.name() + " has no column " + t.column()));
            if (v.role() == VariableRole.PREDICTOR) {
                throw new IllegalArgumentException("task '" + t.name() + "': column " + t.column()
                        + " is a predictor; mark it as an outcome");
            }
        }
        if (tasks.stream().map(Task::name).distinct().count() != tasks.size()) {
            throw new IllegalArgumentException("task names must be unique within a cohort");
        }
    }

    Cohort require(long cohortId) {
        return cohorts.findById(cohortId).orElseThrow(() -> new IllegalArgumentException("no cohort with id "
                + cohortId));
    }
}
