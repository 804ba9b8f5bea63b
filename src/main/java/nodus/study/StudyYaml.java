package nodus.study;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a {@link StudySpec} as spec YAML (the format {@link StudySpecParser} reads), for the launcher's
 * "download as YAML": the web app launches the very text it offers for download, so the file reproduces the
 * study. Only fields that differ from the defaults are written where a default exists.
 */
public final class StudyYaml {

    private StudyYaml() {
    }

    public static String write(StudySpec s) {
        StringBuilder y = new StringBuilder();
        y.append("# Study spec written by the Nodus launcher; fields: docs/experiments.md\n");
        y.append("name: ").append(q(s.name())).append('\n');
        if (s.description() != null) {
            y.append("description: ").append(q(s.description())).append('\n');
        }
        y.append("cohort:\n  name: ").append(q(s.cohort().name())).append('\n');
        if (s.cohort().version() != null) {
            y.append("  version: ").append(s.cohort().version()).append('\n');
        }
        y.append("split:\n");
        if (s.split().existing() != null) {
            y.append("  existing: ").append(q(s.split().existing())).append('\n');
        } else {
            y.append("  rule: ").append(q(s.split().rule())).append('\n');
            y.append("  seed: ").append(s.split().seed()).append('\n');
            if (!s.split().balance().isEmpty()) {
                y.append("  balance: ").append(list(s.split().balance())).append('\n');
            }
        }
        y.append("seed: ").append(s.seed()).append('\n');
        y.append("tasks:\n");
        java.util.Set<StudySpec.Variant> all = requested(s);
        for (StudySpec.TaskSpec t : s.tasks()) {
            if (t.variants().equals(all)) {
                y.append("  - ").append(q(t.name())).append('\n');
            } else {
                y.append("  - name: ").append(q(t.name())).append('\n');
                y.append("    variants: ").append(list(t.variants().stream().sorted()
                        .map(v -> v.name().toLowerCase(Locale.ROOT)).toList())).append('\n');
            }
        }
        y.append("variants:\n");
        if (!s.finetune().isEmpty()) {
            y.append("  finetune:\n    backbones:\n");
            for (StudySpec.Finetune f : s.finetune()) {
                y.append("      ").append(f.backbone()).append(":\n");
                if (f.weights() != null) {
                    y.append("        weights: ").append(q(f.weights())).append('\n');
                }
                if (f.inputSize() > 0) {
                    y.append("        inputSize: ").append(f.inputSize()).append('\n');
                }
                y.append("        epochs: ").append(f.epochs()).append('\n');
                y.append("        batch: ").append(f.batch()).append('\n');
                y.append("        lr: ").append(num(f.lr())).append('\n');
                y.append("        momentum: ").append(num(f.momentum())).append('\n');
                y.append("        augmentation: ").append(f.augmentation()).append('\n');
                y.append("        freezeBackbone: ").append(f.freezeBackbone()).append('\n');
                y.append("        earlyStopping: ").append(f.earlyStopping()).append('\n');
            }
        }
        StudySpec.Radiomics r = s.radiomics();
        if (r != null) {
            y.append("  radiomics:\n");
            opt(y, "    params: ", r.paramsFile() == null ? null : q(r.paramsFile()));
            opt(y, "    binWidth: ", r.binWidth() == null ? null : num(r.binWidth()));
            opt(y, "    clip: ", r.clip());
            opt(y, "    label: ", r.label() == null ? null : r.label().toString());
            if (r.spearman() != null) {
                y.append("    filter:\n      spearman: ").append(num(r.spearman())).append('\n');
            }
            StudySpec.Lasso l = r.lasso();
            if (l.cGrid() != null || l.folds() != null || l.oneSe() != null) {
                y.append("    lasso:\n");
                opt(y, "      cGrid: ", l.cGrid() == null ? null
                        : "[" + l.cGrid().stream().map(StudyYaml::num).collect(Collectors.joining(", ")) + "]");
                opt(y, "      folds: ", l.folds() == null ? null : l.folds().toString());
                opt(y, "      oneSe: ", l.oneSe() == null ? null : l.oneSe().toString());
            }
        }
        if (s.clinical() != null) {
            y.append("  clinical:\n");
            y.append("    screeningP: ").append(num(s.clinical().screeningP() == null ? 0.1
                    : s.clinical().screeningP())).append('\n');
            y.append("    model: lasso\n");
        }
        StudySpec.Combined c = s.combined();
        if (c != null) {
            y.append("  combined:\n    inputs: ").append(list(c.inputs())).append('\n');
            opt(y, "    backbone: ", c.backbone());
            y.append("    pca: ").append(c.pca()).append('\n');
            y.append("    model: ").append(c.model()).append('\n');
            opt(y, "    svmCost: ", c.svmCost() == null ? null : num(c.svmCost()));
        }
        StudySpec.Statistics st = s.statistics();
        y.append("statistics:\n  threshold: ").append(st.threshold()).append("\n  ci: ").append(st.ci()).append('\n');
        y.append("  dca: {from: ").append(num(st.dcaFrom())).append(", to: ").append(num(st.dcaTo()))
                .append(", step: ").append(num(st.dcaStep())).append("}\n");
        return y.toString();
    }

    private static java.util.Set<StudySpec.Variant> requested(StudySpec s) {
        java.util.Set<StudySpec.Variant> v = java.util.EnumSet.noneOf(StudySpec.Variant.class);
        if (!s.finetune().isEmpty()) {
            v.add(StudySpec.Variant.FINETUNE);
        }
        if (s.radiomics() != null) {
            v.add(StudySpec.Variant.RADIOMICS);
        }
        if (s.clinical() != null) {
            v.add(StudySpec.Variant.CLINICAL);
        }
        if (s.combined() != null) {
            v.add(StudySpec.Variant.COMBINED);
        }
        return v;
    }

    private static void opt(StringBuilder y, String prefix, String value) {
        if (value != null) {
            y.append(prefix).append(value).append('\n');
        }
    }

    private static String list(List<String> items) {
        return "[" + items.stream().map(StudyYaml::q).collect(Collectors.joining(", ")) + "]";
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Double-quoted YAML scalar (escapes backslash and quote). */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
