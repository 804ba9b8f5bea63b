package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The radiomics command against pyradiomics' own output for the same image, mask and parameter file. */
class RadiomicsCommandTest {

    static String res(String name) throws Exception {
        return Path.of(RadiomicsCommandTest.class.getResource("/radiomics/" + name).toURI()).toString();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void clipNoneWithYamlEqualsPyradiomics() throws Exception {
        Run r = run("radiomics", "--image", res("image.png"), "--mask", res("mask.png"), "--params",
                res("params_original.yaml"), "--clip", "none", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode got = new ObjectMapper().readTree(r.out());
        JsonNode want = null;
        try (InputStream in = getClass().getResourceAsStream("/radiomics/pyradiomics_reference.json")) {
            for (JsonNode c : com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
                    .readTree(in).get("cases")) {
                if (c.get("name").asText().equals("shared500_yaml")) {
                    want = c.get("features");
                }
            }
        }
        assertThat(got.size()).isEqualTo(want.size()).isEqualTo(102);
        JsonNode w = want;
        want.fieldNames().forEachRemaining(f -> assertThat(got.get(f).asDouble())
                .as(f).isCloseTo(w.get(f).asDouble(), org.assertj.core.api.Assertions.within(
                        1e-9 * Math.max(1, Math.abs(w.get(f).asDouble())))));
    }

    @Test
    void csvRowsAndBadInput() throws Exception {
        Run r = run("radiomics", "--image", res("image.png"), "--mask", res("mask.png"), "--bin-width", "5");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).isEqualTo("feature,value");
        assertThat(lines[1]).startsWith("original_shape2D_Elongation,");
        assertThat(lines).hasSize(1 + 102);
        Run bad = run("radiomics", "--image", res("image.png"), "--mask", res("image.png"), "--label", "300");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines().count()).isEqualTo(1);
        assertThat(bad.err()).contains("image.png");
        Run badClip = run("radiomics", "--image", res("image.png"), "--mask", res("mask.png"), "--clip", "roi");
        assertThat(badClip.code()).isEqualTo(2);
        assertThat(badClip.err()).contains("clip");
    }
}
