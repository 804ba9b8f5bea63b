package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import nodus.radiomics.FeatureVector;
import nodus.radiomics.RadiomicsCase;
import nodus.radiomics.RadiomicsExtractor;
import nodus.radiomics.RadiomicsParamsYaml;
import nodus.radiomics.RadiomicsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nodus radiomics --image I --mask M [--params file.yaml] [--bin-width 25] [--clip image|lesion|none]
 * [--label N] [--format csv|json]}: pyradiomics-compatible features of one image and mask, as {@code feature,value}
 * rows (or one JSON object name → value). Command-line options override the parameter file.
 */
@Command(name = "radiomics", mixinStandardHelpOptions = true,
        description = "Extract pyradiomics-compatible 2D features (shape2D, firstorder, glcm, glrlm, glszm, ngtdm, "
                + "gldm) of one image and lesion mask.")
public final class RadiomicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, description = "image file (PNG, JPEG or BMP)")
    Path image;

    @Option(names = "--mask", required = true, description = "mask file on the image's grid")
    Path mask;

    @Option(names = "--params", description = "pyradiomics parameter file (YAML: imageType, featureClass, setting)")
    Path params;

    @Option(names = "--bin-width", description = "fixed bin width (default 25, or the parameter file's)")
    Double binWidth;

    @Option(names = "--clip", defaultValue = "image",
            description = "clip intensities to the 0.5-99.5 percentiles of the image (default), the lesion, or none")
    String clip;

    @Option(names = "--label", description = "mask value of the lesion (default: any non-zero value, or the "
            + "parameter file's label)")
    Integer label;

    @Option(names = "--format", defaultValue = "csv", description = "csv (feature,value rows) or json")
    String format;

    @Option(names = "--cache-dir", description = "directory caching feature tables per image, mask and settings")
    Path cacheDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeatureVector fv;
        try {
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!fmt.equals("csv") && !fmt.equals("json")) {
                throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
            }
            RadiomicsSettings.Builder b = RadiomicsSettings.builder().optClip(ClipMode.parse(clip));
            RadiomicsSettings s = params == null ? b.build() : RadiomicsParamsYaml.read(params, b);
            RadiomicsSettings.Builder over = s.toBuilder();
            if (binWidth != null) {
                over.optBinWidth(binWidth);
            }
            if (label != null) {
                over.optLabel(label);
            }
            s = over.build();
            GrayImage img = ImageFiles.readImage(image);
            Mask m = ImageFiles.readMask(mask, s.label());
            ImageFiles.requireSameGeometry(img, image, m, mask);
            RadiomicsExtractor ex = RadiomicsExtractor.builder().setSettings(s).optCacheDir(cacheDir).optThreads(1)
                    .build();
            fv = ex.extract(new RadiomicsCase(image.getFileName().toString(), img, m));
            format = fmt;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("nodus radiomics: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("nodus radiomics: feature extraction failed: " + e);
            return 1;
        }
        if (format.equals("json")) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Double> e : fv.features().entrySet()) {
                sb.append(first ? "\n" : ",\n").append("  \"").append(e.getKey()).append("\": ")
                        .append(json(e.getValue()));
                first = false;
            }
            out.println(sb.append("\n}"));
        } else {
            out.println("feature,value");
            for (Map.Entry<String, Double> e : fv.features().entrySet()) {
                out.println(e.getKey() + "," + e.getValue());
            }
        }
        out.flush();
        return 0;
    }

    /** JSON has no NaN or infinity: those print as null. */
    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
