package nodus.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nodus.experiment.CasePrediction;
import nodus.experiment.SplitPart;
import nodus.experiment.model.ExportedModel;

/**
 * MODEL_CARD.md: a human-readable card following the TRIPOD+AI checklist (Collins et al., BMJ 2024;385:e078378),
 * filled with what the platform knows — title, data source, outcome, sample sizes per part, methods, performance
 * per part with CIs, calibration, model specification, limitations — and marking the items only the authors can
 * fill (numbers in brackets are TRIPOD+AI item numbers).
 */
final class ModelCard {

    private static final String AUTHORS = "_To be completed by the authors (not known to the platform)._";

    private ModelCard() {
    }

    static String write(ExportInput in, ExportedModel model, String absentReason, List<ManifestFile> files) {
        StringBuilder md = new StringBuilder();
        var run = in.run();
        md.append("# Model card: ").append(in.modelName()).append(" v").append(in.version()).append("\n\n");
        md.append("Exported by Nodus from run **").append(run.name()).append("** (id ").append(run.id())
                .append(", experiment *").append(in.experimentName()).append("*) by ").append(in.exportedBy())
                .append(" on ").append(in.exportedAt()).append(". Reporting follows TRIPOD+AI; item numbers in ")
                .append("brackets.\n\n");

        md.append("## Title and intended use [1, 3]\n\n");
        md.append("- Model: ").append(kindText(run.kind().name())).append(" (`").append(run.kind()).append("`)\n");
        md.append("- Prediction task (outcome): `").append(nullText(run.task())).append("` — diagnostic, binary "
                + "unless the predictions list class probabilities.\n");
        md.append("- Intended use: research on retrospective data; not validated for clinical decisions.\n");
        md.append("- Intended users and clinical context: ").append(AUTHORS).append("\n\n");

        md.append("## Data [5, 6, 7, 8, 10]\n\n");
        md.append("- Source: cohort `").append(nullText(run.cohortRef())).append("`; split content hash `")
                .append(nullText(run.splitHash())).append("` (patient-level, frozen).\n");
        md.append("- Eligibility, setting and dates: as defined by the cohort version; ").append(AUTHORS)
                .append("\n");
        md.append("- Sample size per split part (cases with a stored prediction):\n\n");
        md.append("| part | cases | positive (label 1) |\n|---|---:|---:|\n");
        for (SplitPart part : SplitPart.values()) {
            long n = in.predictions().stream().filter(p -> p.part() == part).count();
            long pos = in.predictions().stream().filter(p -> p.part() == part && p.label() == 1).count();
            md.append("| ").append(part.metricPrefix()).append(" | ").append(n).append(" | ").append(pos)
                    .append(" |\n");
        }
        md.append("\n- Missing data handling: by the cohort's rules; ").append(AUTHORS).append("\n\n");

        md.append("## Predictors and methods [9, 12]\n\n");
        md.append("- Model specification: the full spec is in `spec.json` (and `manifest.json`).\n");
        md.append("- Seed: ").append(in.seed() == null ? "not recorded" : in.seed().toString())
                .append("; every fit used the training part only; provenance in `provenance.json`.\n");
        md.append("- Performance measures are computed from the stored per-case predictions (`predictions.csv`): "
                + "AUC with DeLong 95 % CI, Youden-threshold metrics, calibration.\n\n");

        md.append("## Performance [23]\n\n");
        boolean any = false;
        for (SplitPart part : SplitPart.values()) {
            Map<String, FinalMetrics.Value> metrics = in.metrics().part(part);
            if (metrics.isEmpty()) {
                continue;
            }
            any = true;
            md.append("**").append(part.name().toLowerCase(Locale.ROOT)).append("**\n\n");
            md.append("| metric | value | 95 % CI |\n|---|---:|---|\n");
            metrics.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(fmt(v.value())).append(" | ")
                    .append(v.ciLow() != null && v.ciHigh() != null
                            ? fmt(v.ciLow()) + " – " + fmt(v.ciHigh()) : "—").append(" |\n"));
            md.append("\n");
        }
        if (!any) {
            md.append("No per-part final metrics were logged by the run.\n\n");
        }

        md.append("## Calibration [23]\n\n");
        boolean calibration = in.metrics().values().keySet().stream()
                .anyMatch(k -> k.contains("calibration") || k.contains("brier") || k.contains("hosmer"));
        md.append(calibration ? "See the calibration metrics in the tables above (slope, intercept, Brier, "
                + "Hosmer–Lemeshow).\n\n" : "No calibration metrics were logged by the run; compute them from "
                + "`predictions.csv` (Nodus compare view).\n\n");

        md.append("## Model files and how to use it [22, 18]\n\n");
        if (model == null) {
            md.append("- **Weights are absent** (").append(absentReason)
                    .append("). This folder documents the run and its predictions but cannot predict.\n");
        } else {
            md.append("- Predict a new case without the platform's database: `java -jar nodus.jar predict --model "
                    + "<this folder> --image I --mask M [--spacing X,Y] [--clinical row.csv]`.\n");
            md.append("- Format: `").append(model.format()).append("`; preprocessing: `")
                    .append(model.preprocessing()).append("` (repeat it before predicting).\n");
        }
        md.append("- Files (SHA-256 in `manifest.json`):\n");
        for (ManifestFile f : files) {
            md.append("  - `").append(f.path()).append("` (").append(f.bytes()).append(" bytes)\n");
        }
        md.append("\n## Fairness, limitations and interpretation [14, 27]\n\n");
        md.append("- Internal validation on a split of one cohort: performance may drop on other centres, devices "
                + "and populations; external validation is needed before any clinical use.\n");
        md.append("- Performance across subgroups (fairness) has not been assessed by the platform. ")
                .append(AUTHORS).append("\n");
        md.append("\n## Open science [18]\n\n");
        md.append("- Software versions are in `manifest.json` (`versions`). Protocol, registration and data "
                + "availability: ").append(AUTHORS).append("\n");
        return md.toString();
    }

    private static String kindText(String kind) {
        return switch (kind) {
            case "RADIOMICS" -> "Radiomics signature (features → Spearman filter → z-score → LASSO)";
            case "CLINICAL" -> "Clinical model (univariate screening → LASSO / logistic regression)";
            case "COMBINED" -> "Combined model (clinical + signature + deep features → SVM / LR)";
            case "FINETUNE" -> "Fine-tuned ImageNet-pretrained CNN";
            default -> kind;
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String nullText(String s) {
        return s == null ? "not recorded" : s;
    }

    /** A file of the export with its SHA-256. */
    record ManifestFile(String path, long bytes, String sha256) {
    }

    static long count(List<CasePrediction> predictions, SplitPart part) {
        return predictions.stream().filter(p -> p.part() == part).count();
    }
}
