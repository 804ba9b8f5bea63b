package nodus.imaging;

import java.util.Locale;

/** Which pixels' 0.5–99.5 percentiles bound the intensity clipping. */
public enum ClipMode {
    /** Percentiles of the whole image: the reference study's preprocessing (Nodus default). */
    IMAGE,
    /** Percentiles of the lesion pixels only (the shared radiomics reference does this). */
    LESION,
    /** No clipping: values as stored, as pyradiomics sees them. */
    NONE;

    public static ClipMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clip must be image, lesion or none, got '" + s + "'");
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
