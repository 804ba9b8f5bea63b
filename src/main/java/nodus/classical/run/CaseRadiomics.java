package nodus.classical.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import nodus.radiomics.FeatureVector;
import nodus.radiomics.RadiomicsCase;
import nodus.radiomics.RadiomicsExtractor;
import nodus.radiomics.RadiomicsParamsYaml;
import nodus.radiomics.RadiomicsSettings;

/**
 * Radiomics features of every case of a study (all parts: extraction is unsupervised and per case, so it cannot
 * leak), through the radiomics extractor's public API, cached per (image, mask, settings) in the data home.
 * Features that are not finite for some case (e.g. a texture feature of a one-grey-level lesion) are dropped for
 * all cases and listed in the provenance.
 */
final class CaseRadiomics {

    /** Feature rows by case id, the kept feature names, the dropped ones and what made them. */
    record Result(List<String> names, Map<String, double[]> rows, List<String> dropped, String settingsHash,
                  String nodusVersion, int fromCache) {
    }

    private CaseRadiomics() {
    }

    static RadiomicsSettings settings(ClassicalRunSpec.Radiomics spec) {
        RadiomicsSettings.Builder b = RadiomicsSettings.builder().optBinWidth(spec.binWidth())
                .optClip(ClipMode.parse(spec.clip())).optLabel(spec.label());
        return spec.paramsYaml() == null ? b.build() : RadiomicsParamsYaml.read(Path.of(spec.paramsYaml()), b);
    }

    static Result extract(StudyData data, RadiomicsSettings settings, Path cacheDir, Runnable checkCancelled) {
        RadiomicsExtractor ex = RadiomicsExtractor.builder().setSettings(settings).optCacheDir(cacheDir).build();
        List<StudyCase> cases = data.cases();
        List<FeatureVector> vectors = new ArrayList<>();
        int chunk = 16; // extract in chunks so a cancel request is seen between them
        for (int from = 0; from < cases.size(); from += chunk) {
            checkCancelled.run();
            List<RadiomicsCase> batch = new ArrayList<>();
            for (StudyCase c : cases.subList(from, Math.min(cases.size(), from + chunk))) {
                batch.add(read(c, settings.label()));
            }
            vectors.addAll(ex.extractAll(batch));
        }
        List<String> names = new ArrayList<>(vectors.get(0).features().keySet());
        List<String> dropped = new ArrayList<>();
        for (FeatureVector v : vectors) {
            if (!v.features().keySet().equals(new java.util.HashSet<>(names))) {
                throw new IllegalStateException("case " + v.caseId() + " has other radiomics features than case "
                        + vectors.get(0).caseId());
            }
            for (String n : names) {
                Double x = v.features().get(n);
                if ((x == null || !Double.isFinite(x)) && !dropped.contains(n)) {
                    dropped.add(n);
                }
            }
        }
        names.removeAll(dropped);
        Map<String, double[]> rows = new HashMap<>();
        int cached = 0;
        for (FeatureVector v : vectors) {
            rows.put(v.caseId(), names.stream().mapToDouble(n -> v.features().get(n)).toArray());
            cached += v.fromCache() ? 1 : 0;
        }
        return new Result(names, rows, dropped, settings.hash(), vectors.get(0).nodusVersion(), cached);
    }

    private static RadiomicsCase read(StudyCase c, Integer label) {
        if (c.image() == null || c.mask() == null) {
            throw new IllegalArgumentException("case " + c.caseId() + " has no image or no mask");
        }
        GrayImage raw = ImageFiles.readImage(c.image());
        GrayImage img = new GrayImage(raw.width(), raw.height(), raw.pixels(), c.spacingX(), c.spacingY());
        Mask m = ImageFiles.readMask(c.mask(), label);
        ImageFiles.requireSameGeometry(img, c.image(), m, c.mask());
        return new RadiomicsCase(c.caseId(), img, m);
    }

    static Map<String, Object> describe(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settingsHash", r.settingsHash());
        m.put("nodusVersion", r.nodusVersion());
        m.put("features", r.names().size());
        m.put("droppedNonFinite", r.dropped());
        m.put("casesFromCache", r.fromCache());
        return m;
    }
}
