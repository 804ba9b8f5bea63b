package nodus.cohort;

import java.util.Locale;

/**
 * An inclusion or exclusion rule on one clinical variable, e.g. INCLUDE tumour_size_mm LE 50 ("tumour size ≤ 50
 * mm"), INCLUDE aln_status PRESENT ("label present"), EXCLUDE lesion_count GT 1 ("one lesion"). A case is in the
 * cohort when it meets every INCLUDE rule and no EXCLUDE rule. Comparisons on a missing value are false, so an
 * INCLUDE rule drops cases with the value missing.
 */
public record Rule(Effect effect, String variable, Op op, String value) {

    public enum Effect { INCLUDE, EXCLUDE }

    public enum Op {
        LT("<"), LE("≤"), GT(">"), GE("≥"), EQ("="), NE("≠"), PRESENT("is present"), ABSENT("is missing");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean needsValue() {
            return this != PRESENT && this != ABSENT;
        }
    }

    public Rule {
        if (effect == null || op == null || variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("a rule needs an effect, a variable and an operator");
        }
        if (op.needsValue() && (value == null || value.isBlank())) {
            throw new IllegalArgumentException("rule on " + variable + " " + op.symbol() + " needs a value");
        }
        if ((op == Op.LT || op == Op.LE || op == Op.GT || op == Op.GE) && MissingValues.parseNumber(value) == null) {
            throw new IllegalArgumentException("rule on " + variable + " " + op.symbol() + " needs a number, got '"
                    + value + "'");
        }
    }

    public static Rule include(String variable, Op op, String value) {
        return new Rule(Effect.INCLUDE, variable, op, value);
    }

    public static Rule exclude(String variable, Op op, String value) {
        return new Rule(Effect.EXCLUDE, variable, op, value);
    }

    /** Whether the condition (ignoring the effect) holds for this case. */
    boolean holds(ClinicalCase c) {
        String v = c.value(variable);
        boolean missing = MissingValues.isMissing(v);
        return switch (op) {
            case PRESENT -> !missing;
            case ABSENT -> missing;
            case EQ -> !missing && v.trim().equalsIgnoreCase(value.trim());
            case NE -> !missing && !v.trim().equalsIgnoreCase(value.trim());
            default -> {
                Double x = missing ? null : MissingValues.parseNumber(v);
                if (x == null) {
                    yield false;
                }
                double t = MissingValues.parseNumber(value);
                yield switch (op) {
                    case LT -> x < t;
                    case LE -> x <= t;
                    case GT -> x > t;
                    case GE -> x >= t;
                    default -> throw new IllegalStateException();
                };
            }
        };
    }

    /** Whether the case passes this rule. */
    boolean admits(ClinicalCase c) {
        return effect == Effect.INCLUDE ? holds(c) : !holds(c);
    }

    public String describe() {
        return effect.name().toLowerCase(Locale.ROOT) + " " + variable + " " + op.symbol()
                + (op.needsValue() ? " " + value : "");
    }
}
