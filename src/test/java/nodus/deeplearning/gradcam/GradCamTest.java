package nodus.deeplearning.gradcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;
import nodus.imaging.GrayImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grad-CAM against a closed form. Network: A = 2x (C=3, 4×5 map); y_k = Σ_c W_kc·m_c + V_kc·q_c with
 * m_c = mean(A_c), q_c = mean(A_c²). Hence ∂y_k/∂A_c(i,j) = (W_kc + 2·V_kc·A_c(i,j)) / (h·w),
 * α_c = (W_kc + 2·V_kc·m_c) / (h·w), and CAM = ReLU(Σ_c α_c·A_c).
 */
class GradCamTest {

    private static final int C = 3;
    private static final int H = 4;
    private static final int W = 5;
    private static final float[][] WK = {{0.5f, -1.0f, 2.0f}, {-0.3f, 0.8f, 0.1f}};
    private static final float[][] VK = {{0.2f, 0.4f, -0.6f}, {0.7f, -0.2f, 0.3f}};

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @Test
    void gradientEqualsClosedForm() {
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            float[] x = new float[C * H * W];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(0.7 * i + 0.3);
            }
            NDArray input = m.create(x, new Shape(1, C, H, W));
            NDArray wT = m.create(flat(WK), new Shape(2, C)).transpose();
            NDArray vT = m.create(flat(VK), new Shape(2, C)).transpose();
            CamModel model = new CamModel() {
                @Override
                public NDArray features(ParameterStore ps, NDArray in) {
                    return in.mul(2f);
                }

                @Override
                public NDArray scores(ParameterStore ps, NDArray a) {
                    NDArray mean = a.mean(new int[] {3}).mean(new int[] {2});
                    NDArray sq = a.mul(a).mean(new int[] {3}).mean(new int[] {2});
                    return mean.dot(wT).add(sq.dot(vT));
                }
            };
            for (int k = 0; k < 2; k++) {
                GradCamResult r = GradCam.explain(model, new ParameterStore(m, false), input, k);
                double[] a = new double[x.length];
                double[] mc = new double[C];
                for (int i = 0; i < x.length; i++) {
                    a[i] = 2.0 * x[i];
                    mc[i / (H * W)] += a[i] / (H * W);
                }
                double[] cam = new double[H * W];
                for (int c = 0; c < C; c++) {
                    double alpha = (WK[k][c] + 2 * VK[k][c] * mc[c]) / (H * W);
                    assertThat(r.weights()[c]).isCloseTo(alpha, within(1e-6));
                    for (int p = 0; p < H * W; p++) {
                        int i = c * H * W + p;
                        assertThat((double) r.gradient()[i]).as("dy/dA[%d] class %d", i, k)
                                .isCloseTo((WK[k][c] + 2 * VK[k][c] * a[i]) / (H * W), within(1e-6));
                        cam[p] += alpha * a[i];
                    }
                }
                for (int p = 0; p < H * W; p++) {
                    assertThat(r.cam()[p]).isCloseTo(Math.max(0, cam[p]), within(1e-6));
                }
                assertThat(r.mapHeight()).isEqualTo(H);
                assertThat(r.mapWidth()).isEqualTo(W);
            }
        }
    }

    @Test
    void backboneCamAndPngOverlay() throws Exception {
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbone b = Backbones.create(Architecture.RESNET50, 2, 3);
            Backbones.initialize(b, m);
            int s = 96;
            NDArray x = m.create(TestSupport.referenceImage(s), new Shape(1, 3, s, s));
            GradCamResult r = GradCam.explain(CamModel.of(b), new ParameterStore(m, false), x, 1);
            assertThat(r.channels()).isEqualTo(2048);
            assertThat(r.mapHeight()).isEqualTo(3);
            float[] logits = b.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            assertThat(r.score()).isCloseTo(logits[1], within(1e-4 * Math.max(1, Math.abs(logits[1]))));
            // Batched evaluation helper: same logits one image at a time or two images in one batch.
            float[] one = TestSupport.referenceImage(s);
            float[] two = new float[2 * one.length];
            System.arraycopy(one, 0, two, 0, one.length);
            System.arraycopy(one, 0, two, one.length, one.length);
            float[][] batched = nodus.deeplearning.backbone.BackboneInference.run(b, m, two, s, 2,
                    nodus.deeplearning.backbone.BackboneInference.Output.LOGITS);
            float[][] single = nodus.deeplearning.backbone.BackboneInference.run(b, m, two, s, 1,
                    nodus.deeplearning.backbone.BackboneInference.Output.PENULTIMATE);
            assertThat(single[1]).hasSize(2048);
            for (int i = 0; i < 2; i++) {
                assertThat((double) batched[1][i])
                        .isCloseTo(logits[i], within(1e-4 * Math.max(1, Math.abs(logits[i]))));
            }
            boolean nonZero = false;
            for (float g : r.gradient()) {
                nonZero |= g != 0;
            }
            assertThat(nonZero).as("gradient reaches the feature map").isTrue();

            double[] px = new double[s * s];
            for (int i = 0; i < px.length; i++) {
                px[i] = (i % s) + (i / s);
            }
            Path png = tmp.resolve("out/cam.png");
            OverlayPng.write(GrayImage.of(s, s, px), r, 0.4, "Grad-CAM", png);
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(s + 70);
            assertThat(img.getHeight()).isEqualTo(160);
            assertThat(java.util.Arrays.stream(r.heatMap(s, s).values()).max().orElse(0)).isEqualTo(1.0);
        }
    }

    private static float[] flat(float[][] a) {
        float[] f = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        }
        return f;
    }
}
