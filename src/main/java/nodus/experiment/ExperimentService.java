package nodus.experiment;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiments and their runs. Creating and deleting are for researchers only; the role is checked here on every
 * call, so a supervisor cannot reach these actions whatever the UI shows.
 */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final RunRepository runs;
    private final CurrentUser currentUser;

    ExperimentService(ExperimentRepository experiments, RunRepository runs, CurrentUser currentUser) {
        this.experiments = experiments;
        this.runs = runs;
        this.currentUser = currentUser;
    }

    @PermitAll
    public List<Experiment> list() {
        return experiments.findAll();
    }

    @PermitAll
    public Optional<Experiment> find(long id) {
        return experiments.findById(id);
    }

    @PermitAll
    public List<Run> runs(long experimentId) {
        return runs.findByExperiment(experimentId);
    }

    @PermitAll
    public List<Run> allRuns() {
        return runs.findAll();
    }

    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Experiment create(String name, String description) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("experiment name must not be blank");
        }
        if (experiments.findByName(trimmed).isPresent()) {
            throw new IllegalArgumentException("an experiment named '" + trimmed + "' already exists");
        }
        long id = experiments.insert(trimmed, description, currentUser.name());
        return experiments.findById(id).orElseThrow();
    }

    /** Deletes an experiment that has no runs (runs are evidence; they are never deleted with it). */
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public void delete(long id) {
        Experiment experiment = experiments.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("no experiment with id " + id));
        long count = runs.countByExperiment(id);
        if (count > 0) {
            throw new IllegalStateException("experiment '" + experiment.name() + "' has " + count
                    + " runs and cannot be deleted");
        }
        experiments.delete(id);
    }
}
