package nodus.cohort;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused because of validation problems: every problem is listed; nothing was written. */
public class ImportValidationException extends IllegalArgumentException {

    private final transient List<ImportProblem> problems;

    public ImportValidationException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), nothing imported:\n" + problems.stream().map(ImportProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
