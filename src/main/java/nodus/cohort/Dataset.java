package nodus.cohort;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An imported source of cases: where it came from ({@code source}: folder, preset, citation), what was done
 * ({@code provenance}: table file, its SHA-256, mapping, counts), its typed variables, and the folder inside the
 * data home that holds its copied images and masks.
 */
public record Dataset(long id, String name, String source, String provenance, List<Variable> variables,
        String folder, String createdBy, Instant createdAt) {

    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        variables = List.copyOf(variables);
    }

    public Optional<Variable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public List<Variable> predictors() {
        return variables.stream().filter(v -> v.role() == VariableRole.PREDICTOR).toList();
    }
}
