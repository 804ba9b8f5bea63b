package nodus.study;

/**
 * A study spec that cannot run, refused before anything is launched. Names the file, the 1-based line and the
 * field path (e.g. {@code variants.finetune.backbones.alexnet}) so the author can go straight to the mistake.
 */
public class StudySpecException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public StudySpecException(String source, int line, String field, String problem) {
        super(source + (line > 0 ? " line " + line : "") + (field == null || field.isEmpty() ? "" : ", field "
                + field) + ": " + problem);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** 1-based line in the YAML text, or 0 when the spec was not read from text. */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
