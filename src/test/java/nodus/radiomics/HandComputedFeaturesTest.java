package nodus.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import org.junit.jupiter.api.Test;

/**
 * Tiny images whose matrices and features are computed by hand in the comments (pyradiomics definitions,
 * binWidth 25, so 10 → level 1, 30 → level 2, 60 → level 3; full masks; spacing 1 mm).
 */
class HandComputedFeaturesTest {

    static final double EPS = 1e-12;

    /*
     * 4×4 image             levels (binWidth 25: floor(x/25) − floor(10/25) + 1)
     *   10 10 30 30           1 1 2 2
     *   10 10 30 60           1 1 2 3
     *   60 60 30 60           3 3 2 3
     *   10 30 30 60           1 2 2 3
     */
    static final double[] P4 = {10, 10, 30, 30, 10, 10, 30, 60, 60, 60, 30, 60, 10, 30, 30, 60};
    /* 2×2 image [[10, 30], [30, 10]] → levels [[1, 2], [2, 1]] */
    static final double[] P2 = {10, 30, 30, 10};

    static RoiGrid grid(double[] px, int w, int h, RadiomicsSettings s) {
        boolean[] all = new boolean[px.length];
        java.util.Arrays.fill(all, true);
        return RoiGrid.of(GrayImage.of(w, h, px), new Mask(w, h, all), s);
    }

    static final RadiomicsSettings S = RadiomicsSettings.builder().optClip(ClipMode.NONE).build();

    @Test
    void discretisationIsFloorDifferencePlusOne() {
        RoiGrid g = grid(P4, 4, 4, S);
        assertThat(g.levels).containsExactly(1, 1, 2, 2, 1, 1, 2, 3, 3, 3, 2, 3, 1, 2, 2, 3);
        assertThat(g.ng).isEqualTo(3);
        // pyradiomics edges for min 10, max 60, w 25: arange(0, 110, 25) = 0 25 50 75 100
        assertThat(Discretisation.edges(new double[] {10, 60}, 25, null)).containsExactly(0, 25, 50, 75, 100);
        // Python modulo keeps the divisor's sign: min −7, w 5 → lo = −7 − 3 = −10
        assertThat(Discretisation.edges(new double[] {-7, 1}, 5, null)[0]).isEqualTo(-10);
    }

    @Test
    void firstOrder() {
        // 10 ×5, 30 ×6, 60 ×5: mean 530/16; energy 5·100 + 6·900 + 5·3600 = 23900; median (30 + 30)/2;
        // variance 23900/16 − (530/16)² = 396.484375; histogram 5, 6, 5 → uniformity (25 + 36 + 25)/256;
        // P10: index 15·0.1 = 1.5 between sorted[1] = sorted[2] = 10.
        Map<String, Double> f = FirstOrderFeatures.compute(grid(P4, 4, 4, S), 0);
        assertThat(f.get("Mean")).isCloseTo(530.0 / 16, within(EPS));
        assertThat(f.get("Energy")).isCloseTo(23900, within(EPS));
        assertThat(f.get("Median")).isEqualTo(30);
        assertThat(f.get("Variance")).isCloseTo(396.484375, within(1e-9));
        assertThat(f.get("Uniformity")).isCloseTo(86.0 / 256, within(EPS));
        assertThat(f.get("10Percentile")).isEqualTo(10);
        assertThat(f.get("Range")).isEqualTo(50);
        // voxelArrayShift 10: Σ(x + 10)² = 5·400 + 6·1600 + 5·4900 = 36100
        assertThat(FirstOrderFeatures.compute(grid(P4, 4, 4, S), 10).get("Energy")).isCloseTo(36100, within(EPS));
    }

    @Test
    void glcmCountsAndFeatures() {
        // angle (0, 1), pairs left → right: row 0: (1,1)(1,2)(2,2); row 1: (1,1)(1,2)(2,3);
        // row 2: (3,3)(3,2)(2,3); row 3: (1,2)(2,2)(2,3)
        RoiGrid g = grid(P4, 4, 4, S);
        int[][] angles = Angles.generate(4, 4, List.of(1), false);
        assertThat(angles).isDeepEqualTo(new int[][] {{1, 1}, {1, 0}, {1, -1}, {0, 1}});
        double[][] p = GlcmFeatures.counts(g, angles)[3];
        assertThat(p[0]).containsExactly(2, 3, 0);
        assertThat(p[1]).containsExactly(0, 2, 3);
        assertThat(p[2]).containsExactly(0, 1, 1);
        // 2×2 [[1,2],[2,1]]: symmetric normalised matrices per angle: (1,1): [[1,0],[0,0]]; (1,0): [[0,.5],[.5,0]];
        // (1,−1): [[0,0],[0,1]]; (0,1): [[0,.5],[.5,0]]. Contrast 0, 1, 0, 1 → 0.5; JointEnergy 1, .5, 1, .5 → 0.75;
        // JointAverage 1, 1.5, 2, 1.5 → 1.5; MaximumProbability 1, .5, 1, .5 → 0.75.
        Map<String, Double> f = GlcmFeatures.compute(grid(P2, 2, 2, S), S);
        assertThat(f.get("Contrast")).isCloseTo(0.5, within(EPS));
        assertThat(f.get("JointEnergy")).isCloseTo(0.75, within(EPS));
        assertThat(f.get("JointAverage")).isCloseTo(1.5, within(EPS));
        assertThat(f.get("MaximumProbability")).isCloseTo(0.75, within(EPS));
        // DifferenceAverage = P(|i−j| = 1) averaged: 0, 1, 0, 1 → 0.5
        assertThat(f.get("DifferenceAverage")).isCloseTo(0.5, within(EPS));
    }

    @Test
    void glrlmHorizontalRuns() {
        // angle (0, 1): row 0: 1×2, 2×2; row 1: 1×2, 2×1, 3×1; row 2: 3×2, 2×1, 3×1; row 3: 1×1, 2×2, 3×1
        // level 1: len1 1, len2 2; level 2: len1 2, len2 2; level 3: len1 3, len2 1 → Nr = 11 runs, Np = 16
        RoiGrid g = grid(P4, 4, 4, S);
        double[][] p = GlrlmFeatures.matrices(g).get(3);
        assertThat(p[0]).startsWith(1, 2, 0, 0);
        assertThat(p[1]).startsWith(2, 2, 0, 0);
        assertThat(p[2]).startsWith(3, 1, 0, 0);
        Map<String, Double> f = GlrlmFeatures.features(p, g.grayLevels);
        // SRE = Σ p/j² / Nr = (1 + 2/4 + 2 + 2/4 + 3 + 1/4)/11 = 7.25/11; LRE = (1 + 8 + 2 + 8 + 3 + 4)/11 = 26/11
        assertThat(f.get("ShortRunEmphasis")).isCloseTo(7.25 / 11, within(EPS));
        assertThat(f.get("LongRunEmphasis")).isCloseTo(26.0 / 11, within(EPS));
        // GLN = (3² + 4² + 4²)/11; RLN = ((1+2+3)² + (2+2+1)²)/11; RP = 11/16
        assertThat(f.get("GrayLevelNonUniformity")).isCloseTo(41.0 / 11, within(EPS));
        assertThat(f.get("RunLengthNonUniformity")).isCloseTo(61.0 / 11, within(EPS));
        assertThat(f.get("RunPercentage")).isCloseTo(11.0 / 16, within(EPS));
    }

    @Test
    void glszmEightConnectedZones() {
        // 8-connected zones: level 1: {4 px block} and the lone bottom-left pixel → sizes 4, 1; level 2: all six
        // 2s touch (the bottom-row 2 only diagonally to the centre 2 — also vertically here) → 6; level 3: right
        // column {3 px} and the row-2 pair → 3, 2. Nz = 5, Np = 16.
        RoiGrid g = grid(P4, 4, 4, S);
        double[][] p = GlszmFeatures.matrix(g);
        assertThat(p[0][0]).isEqualTo(1);
        assertThat(p[0][3]).isEqualTo(1);
        assertThat(p[1][5]).isEqualTo(1);
        assertThat(p[2][1]).isEqualTo(1);
        assertThat(p[2][2]).isEqualTo(1);
        Map<String, Double> f = GlszmFeatures.compute(g);
        assertThat(f.get("ZonePercentage")).isCloseTo(5.0 / 16, within(EPS));
        // SAE = (1/16 + 1 + 1/36 + 1/9 + 1/4)/5; LAE = (16 + 1 + 36 + 9 + 4)/5; GLN = (2² + 1² + 2²)/5
        assertThat(f.get("SmallAreaEmphasis")).isCloseTo((1.0 / 16 + 1 + 1.0 / 36 + 1.0 / 9 + 0.25) / 5,
                within(EPS));
        assertThat(f.get("LargeAreaEmphasis")).isCloseTo(66.0 / 5, within(EPS));
        assertThat(f.get("GrayLevelNonUniformity")).isCloseTo(9.0 / 5, within(EPS));
        // 2×2 [[1,2],[2,1]]: diagonal neighbours join → one zone of 2 px per level (4-connectivity would give 4)
        Map<String, Double> d = GlszmFeatures.compute(grid(P2, 2, 2, S));
        assertThat(d.get("ZonePercentage")).isCloseTo(0.5, within(EPS));
        assertThat(d.get("LargeAreaEmphasis")).isCloseTo(4, within(EPS));
    }

    @Test
    void ngtdm() {
        // 2×2 [[1,2],[2,1]], each pixel has 3 neighbours: a 1 sees 2,2,1 → |1 − 5/3| = 2/3; a 2 sees 1,1,2 → 2/3.
        // n = (2, 2), p = (.5, .5), s = (4/3, 4/3), Nvp = 4.
        // Coarseness = 1/Σ p s = 3/4; Contrast = [Σ p_i p_j (i−j)² = .5] · Σs/Nvp (= 2/3) / (Ngp(Ngp−1) = 2) = 1/6;
        // Busyness = Σ p s / Σ|i p_i − j p_j| = (4/3)/1; Complexity = Σ|i−j|(p_i s_i + p_j s_j)/(p_i + p_j)/Nvp
        // = 2 · (4/3)/4 = 2/3; Strength = Σ(p_i + p_j)(i−j)² / Σs = 2/(8/3) = 3/4.
        Map<String, Double> f = NgtdmFeatures.compute(grid(P2, 2, 2, S), S);
        assertThat(f.get("Coarseness")).isCloseTo(0.75, within(EPS));
        assertThat(f.get("Contrast")).isCloseTo(1.0 / 6, within(EPS));
        assertThat(f.get("Busyness")).isCloseTo(4.0 / 3, within(EPS));
        assertThat(f.get("Complexity")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.get("Strength")).isCloseTo(0.75, within(EPS));
    }

    @Test
    void ngtdmAndGldmOnTheFourByFour() {
        // NGTDM, |level − mean of its ROI neighbours| per pixel (neighbour levels in brackets):
        //  level 1: (0,0)[1,1,1] 0; (0,1)[1,2,1,1,2] 2/5; (1,0)[1,1,1,3,3] 4/5; (1,1)[1,1,2,1,2,3,3,2] 7/8;
        //           (3,0)[3,3,2] 5/3                        → s1 = 449/120
        //  level 2: (0,2) 1/5; (0,3)[2,2,3] 1/3; (1,2) 1/8; (2,2) 3/8; (3,1) 1/5; (3,2) 3/5 → s2 = 11/6
        //  level 3: (1,3) 4/5; (2,0) 7/5; (2,1)[1,1,2,3,2,1,2,2] 5/4; (2,3) 3/5; (3,3)[2,3,2] 2/3 → s3 = 283/60
        //  p = (5, 6, 5)/16 → Σ p s = 6395/1920 → Coarseness = 1920/6395;
        //  Strength = Σ (p_i + p_j)(i − j)² / Σ s = (2·11/16 + 2·10/16·4 + 2·11/16) / (1235/120) = 186/247
        RoiGrid g = grid(P4, 4, 4, S);
        Map<String, Double> n = NgtdmFeatures.compute(g, S);
        assertThat(n.get("Coarseness")).isCloseTo(1920.0 / 6395, within(EPS));
        assertThat(n.get("Strength")).isCloseTo(186.0 / 247, within(EPS));
        // GLDM, α = 0, equal 8-neighbours per pixel:
        //  level 1: 3, 3, 3, 3 and 0 (the bottom-left 1); level 2: 2, 2, 3, 3, 2, 2; level 3: 1, 1, 1, 2, 1
        //  dependence counts d = 0..3: 1, 4, 5, 6 (j = d + 1)
        //  SDE = (1/1 + 4/4 + 5/9 + 6/16)/16 = 211/1152; LDE = (1 + 16 + 45 + 96)/16; DN = (1 + 16 + 25 + 36)/16;
        //  GLN = (5² + 6² + 5²)/16
        Map<String, Double> d = GldmFeatures.compute(g, S);
        assertThat(d.get("SmallDependenceEmphasis")).isCloseTo(211.0 / 1152, within(EPS));
        assertThat(d.get("LargeDependenceEmphasis")).isCloseTo(158.0 / 16, within(EPS));
        assertThat(d.get("DependenceNonUniformity")).isCloseTo(78.0 / 16, within(EPS));
        assertThat(d.get("GrayLevelNonUniformity")).isCloseTo(86.0 / 16, within(EPS));
    }

    @Test
    void gldm() {
        // 2×2 [[1,2],[2,1]], α = 0: each pixel has exactly one equal neighbour (the diagonal) → dependence 1,
        // j = 2 for all 4 pixels. SDE = (4/2²)/4 = 1/4; LDE = 4·4/4 = 4; DN = 4²/4 = 4; GLN = (2² + 2²)/4 = 2;
        // DependenceEntropy = −2 · .5 log2 .5 = 1.
        Map<String, Double> f = GldmFeatures.compute(grid(P2, 2, 2, S), S);
        assertThat(f.get("SmallDependenceEmphasis")).isCloseTo(0.25, within(EPS));
        assertThat(f.get("LargeDependenceEmphasis")).isCloseTo(4, within(EPS));
        assertThat(f.get("DependenceNonUniformity")).isCloseTo(4, within(EPS));
        assertThat(f.get("GrayLevelNonUniformity")).isCloseTo(2, within(EPS));
        assertThat(f.get("DependenceEntropy")).isCloseTo(1, within(1e-12));
        // α = 1: all 3 neighbours dependent → j = 4: SDE = 1/16, LDE = 16
        RadiomicsSettings a1 = S.toBuilder().optGldmA(1).build();
        Map<String, Double> g = GldmFeatures.compute(grid(P2, 2, 2, a1), a1);
        assertThat(g.get("SmallDependenceEmphasis")).isCloseTo(1.0 / 16, within(EPS));
        assertThat(g.get("LargeDependenceEmphasis")).isCloseTo(16, within(EPS));
    }

    @Test
    void shape2DOfATwoByTwoSquare() {
        // Marching squares on the padded 4×4 mask: 4 corner squares give diagonal segments of √0.5, 4 side squares
        // straight segments of 1 → perimeter 4 + 4√0.5; the contour is the 2×2 square with its corners cut by
        // triangles of area 1/8 → mesh surface 3.5. Vertices at edge midpoints: (0.5,1)…(2.5,2) → max diameter √5.
        // Pixel centres (1,1),(1,2),(2,1),(2,2): covariance diag(1/4, 1/4) → both axes 4·√(1/4) = 2, elongation 1.
        Map<String, Double> f = Shape2DFeatures.compute(grid(new double[] {1, 1, 1, 1}, 2, 2, S));
        assertThat(f.get("Perimeter")).isCloseTo(4 + 4 * Math.sqrt(0.5), within(EPS));
        assertThat(f.get("MeshSurface")).isCloseTo(3.5, within(EPS));
        assertThat(f.get("PixelSurface")).isEqualTo(4);
        assertThat(f.get("MaximumDiameter")).isCloseTo(Math.sqrt(5), within(EPS));
        assertThat(f.get("MajorAxisLength")).isCloseTo(2, within(EPS));
        assertThat(f.get("MinorAxisLength")).isCloseTo(2, within(EPS));
        assertThat(f.get("Elongation")).isCloseTo(1, within(EPS));
    }
}
