package nodus.classical.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nodus.classical.CaseIdHash;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.cohort.study.VariableKind;

/**
 * A folder-based study over BrEaST-Lesions-USG (Pawłowska et al., Sci Data 11:148, 2024; CC BY 4.0) for the
 * real-data check — test code, not the cohort module. Task {@code malignancy}: malignant (1) vs benign (0); the 4
 * normal cases (no tumour) are excluded. Predictors: Age (numeric; "not available" = missing) and the BI-RADS
 * descriptors Shape, Margin (circumscribed vs not), Echogenicity, Posterior_features, Halo, Calcifications (no vs
 * any) and Skin_thickening. The radiologist's/pathologist's conclusions (Interpretation, BIRADS, Verification,
 * Diagnosis) leak the answer and are never read. Split {@code seed-<n>}: stratified 6:2:2 by patient (one case
 * per patient), seeded. Pixel_size is in cm per pixel; spacing = 10 × Pixel_size mm.
 */
final class BreastLesionsStudySource implements StudyDataSource {

    static final Path HOME = Path.of(System.getProperty("nodus.shared", "../shared"), "datasets",
            "breast-lesions-usg");
    static final String COHORT = "breast-lesions-usg@1";
    static final String TASK = "malignancy";

    private final Path dir;

    BreastLesionsStudySource(Path dir) {
        this.dir = dir;
    }

    static boolean available() {
        return Files.isRegularFile(HOME.resolve("clinical.csv"));
    }

    static final List<ClinicalVariable> VARIABLES = List.of(
            new ClinicalVariable("Age", VariableKind.NUMERIC, null),
            new ClinicalVariable("Shape", VariableKind.CATEGORICAL, List.of("oval", "round", "irregular")),
            new ClinicalVariable("Margin", VariableKind.CATEGORICAL, List.of("circumscribed", "not circumscribed")),
            new ClinicalVariable("Echogenicity", VariableKind.CATEGORICAL, List.of("hypoechoic", "anechoic",
                    "isoechoic", "hyperechoic", "heterogeneous", "complex cystic/solid")),
            new ClinicalVariable("Posterior_features", VariableKind.CATEGORICAL,
                    List.of("no", "enhancement", "shadowing", "combined")),
            new ClinicalVariable("Halo", VariableKind.CATEGORICAL, List.of("no", "yes")),
            new ClinicalVariable("Calcifications", VariableKind.CATEGORICAL, List.of("no", "yes")),
            new ClinicalVariable("Skin_thickening", VariableKind.CATEGORICAL, List.of("no", "yes")));

    @Override
    public StudyData load(String cohortRef, String task, String splitRef) {
        if (!COHORT.equals(cohortRef) || !TASK.equals(task) || !splitRef.startsWith("seed-")) {
            throw new IllegalArgumentException("no study " + cohortRef + " / " + task + " / " + splitRef
                    + " (expected " + COHORT + " / " + TASK + " / seed-<n>)");
        }
        long seed = Long.parseLong(splitRef.substring(5));
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("clinical.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < f.length ? f[i].trim() : "");
            }
            if (!row.get("Classification").equals("normal")) {
                rows.add(row);
            }
        }
        Map<String, StudyCase.Part> parts = split(rows, seed);
        List<StudyCase> cases = new ArrayList<>();
        StringBuilder splitText = new StringBuilder();
        for (Map<String, String> r : rows) {
            String id = "case" + String.format("%03d", Integer.parseInt(r.get("CaseID")));
            int label = r.get("Classification").equals("malignant") ? 1 : 0;
            double mm = Double.parseDouble(r.get("Pixel_size")) * 10.0;
            Map<String, Object> clinical = new LinkedHashMap<>();
            String age = r.get("Age");
            if (!age.isEmpty() && !age.equals("not available")) {
                clinical.put("Age", Double.parseDouble(age));
            }
            clinical.put("Shape", r.get("Shape"));
            clinical.put("Margin", r.get("Margin").startsWith("not circumscribed") ? "not circumscribed"
                    : r.get("Margin"));
            clinical.put("Echogenicity", r.get("Echogenicity"));
            clinical.put("Posterior_features", r.get("Posterior_features"));
            clinical.put("Halo", r.get("Halo"));
            clinical.put("Calcifications", r.get("Calcifications").equals("no") ? "no" : "yes");
            clinical.put("Skin_thickening", r.get("Skin_thickening"));
            StudyCase.Part part = parts.get(id);
            splitText.append(id).append(' ').append(part).append('\n');
            cases.add(new StudyCase(id, id, part, label, dir.resolve("images").resolve(r.get("Image_filename")),
                    dir.resolve("images").resolve(r.get("Mask_tumor_filename")), mm, mm, clinical));
        }
        return new StudyData(cohortRef, task, List.of("benign", "malignant"),
                CaseIdHash.of(List.of(splitText.toString())), VARIABLES, cases);
    }

    /** Stratified 6:2:2: within each class, ids sorted, shuffled with the seed, first 60 % train, next 20 % val. */
    static Map<String, StudyCase.Part> split(List<Map<String, String>> rows, long seed) {
        Map<String, StudyCase.Part> out = new HashMap<>();
        for (String cls : List.of("benign", "malignant")) {
            List<String> ids = new ArrayList<>();
            for (Map<String, String> r : rows) {
                if (r.get("Classification").equals(cls)) {
                    ids.add("case" + String.format("%03d", Integer.parseInt(r.get("CaseID"))));
                }
            }
            Collections.sort(ids);
            Collections.shuffle(ids, new Random(seed));
            int nTrain = (int) Math.round(0.6 * ids.size());
            int nVal = (int) Math.round(0.2 * ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), i < nTrain ? StudyCase.Part.TRAIN
                        : i < nTrain + nVal ? StudyCase.Part.VALIDATION : StudyCase.Part.TEST);
            }
        }
        return out;
    }
}
