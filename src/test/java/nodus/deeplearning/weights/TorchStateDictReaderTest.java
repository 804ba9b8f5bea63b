package nodus.deeplearning.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nodus.deeplearning.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java reader against a file written by PyTorch itself (tiny_state_dict.pth, torch 2.13.0, from
 * make_tiny_files.py; the expected values are PyTorch's own dump in tiny_state_dict.json).
 */
class TorchStateDictReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsExactlyTheTensorsPyTorchWrote() throws Exception {
        Path pth = TestSupport.resource("tiny_state_dict.pth");
        StateDict sd = TorchStateDictReader.read(pth);
        JsonNode ref = TestSupport.json("tiny_state_dict.json");

        List<String> names = new ArrayList<>();
        ref.forEach(e -> names.add(e.get("name").asText()));
        assertThat(sd.tensors().keySet()).containsExactlyElementsOf(names);
        for (JsonNode e : ref) {
            TorchTensor t = sd.get(e.get("name").asText());
            assertThat(t.dtype()).isEqualTo(e.get("dtype").asText());
            long[] shape = new long[e.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = e.get("shape").get(i).asLong();
            }
            assertThat(t.shape()).containsExactly(shape);
            JsonNode values = e.get("values");
            if (t.isFloating()) {
                assertThat(t.floats()).hasSize(values.size());
                for (int i = 0; i < values.size(); i++) {
                    // float32 → Python float → JSON is exact, so equality is exact.
                    assertThat(t.floats()[i]).isEqualTo((float) values.get(i).asDouble());
                }
            } else {
                assertThat(t.longs()).containsExactly(values.isArray() ? values.get(0).asLong() : values.asLong());
            }
        }
        assertThat(sd.get("bn1.num_batches_tracked").longs()).containsExactly(3L);
        assertThat(sd.provenance().sha256()).isEqualTo(Sha256.of(pth)).hasSize(64);
        assertThat(sd.provenance().format()).isEqualTo("torch-state-dict");
    }

    /**
     * The legacy (pre-1.6) layout, in which torchvision's older weight files were published. The file is made by
     * make_legacy_file.py from PyTorch's source description of the format (PyTorch itself is not installable
     * here), with the same values as tiny_state_dict.pth; fc.weight and fc.bias share a storage at offsets 0/8.
     */
    @Test
    void readsTheLegacyLayoutToTheSameTensors() throws Exception {
        StateDict zip = TorchStateDictReader.read(TestSupport.resource("tiny_state_dict.pth"));
        StateDict legacy = TorchStateDictReader.read(TestSupport.resource("tiny_state_dict_legacy.pth"));
        assertThat(legacy.tensors().keySet()).containsExactlyElementsOf(zip.tensors().keySet());
        for (String name : zip.tensors().keySet()) {
            TorchTensor a = zip.get(name);
            TorchTensor b = legacy.get(name);
            assertThat(b.dtype()).as(name).isEqualTo(a.dtype());
            assertThat(b.shape()).as(name).containsExactly(a.shape());
            if (a.isFloating()) {
                assertThat(b.floats()).as(name).containsExactly(a.floats());
            } else {
                assertThat(b.longs()).as(name).containsExactly(a.longs());
            }
        }

        byte[] all = Files.readAllBytes(TestSupport.resource("tiny_state_dict_legacy.pth"));
        Path cut = tmp.resolve("cut-legacy.pth");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 40));
        assertThatThrownBy(() -> TorchStateDictReader.read(cut))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("cut-legacy.pth")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        byte[] all = Files.readAllBytes(TestSupport.resource("tiny_state_dict.pth"));
        Path cut = tmp.resolve("cut.pth");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 2 / 3));
        assertThatThrownBy(() -> TorchStateDictReader.read(cut))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("cut.pth")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesForeignFiles() throws Exception {
        Path png = tmp.resolve("photo.pth");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThatThrownBy(() -> TorchStateDictReader.read(png))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("photo.pth: not a PyTorch checkpoint");

        Path zip = tmp.resolve("other.pth");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        assertThatThrownBy(() -> TorchStateDictReader.read(zip))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("without <folder>/data.pkl");

        // A plain Python pickle (protocol 2) that is not a torch.save file.
        Path pickle = tmp.resolve("list.pth");
        Files.write(pickle, new byte[] {(byte) 0x80, 2, ']', 'q', 0, '.'});
        assertThatThrownBy(() -> TorchStateDictReader.read(pickle))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("list.pth: pickle file without PyTorch's magic number");
    }

    @Test
    void refusesAPickleOfSomethingElse() throws Exception {
        // A zip with a data.pkl that pickles a call to os.system: the reader must refuse, never resolve it.
        Path evil = tmp.resolve("evil.pth");
        byte[] pkl = {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n',
            'X', 2, 0, 0, 0, 'l', 's', (byte) 0x85, 'R', '.'};
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            z.write(pkl);
            z.closeEntry();
        }
        assertThatThrownBy(() -> TorchStateDictReader.read(evil))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("os.system");
    }

    @Test
    void halfPrecisionConversion() {
        assertThat(TorchStateDictReader.halfToFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(TorchStateDictReader.halfToFloat((short) 0xc000)).isEqualTo(-2.0f);
        assertThat(TorchStateDictReader.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(TorchStateDictReader.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TorchStateDictReader.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    }
}
