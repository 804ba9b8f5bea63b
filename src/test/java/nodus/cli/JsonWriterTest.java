package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedValuesEscapedAndInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 3);
        m.put("auc", 0.75);
        m.put("ci", List.of(0.5, 1.0));
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add(true);
        m.put("x", withNull);
        m.put("file", "a \"b\"\\c\n");
        m.put("rows", List.of(Map.of("t", 0.01)));
        assertThat(JsonWriter.write(m)).isEqualTo("""
                {
                  "n": 3,
                  "auc": 0.75,
                  "ci": [0.5, 1.0],
                  "x": [null, true],
                  "file": "a \\"b\\"\\\\c\\n",
                  "rows": [
                    {
                      "t": 0.01
                    }
                  ]
                }""");
        assertThatThrownBy(() -> JsonWriter.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }
}
