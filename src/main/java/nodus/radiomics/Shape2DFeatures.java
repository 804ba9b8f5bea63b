package nodus.radiomics;

import java.util.HashMap;
import java.util.Map;

/**
 * pyradiomics 2D shape features ({@code radiomics/shape2D.py} and {@code calculate_coefficients2D} in cshape.c):
 * a marching-squares contour of the mask (padded by one empty pixel) gives the mesh surface (mm², shoelace formula),
 * the perimeter (mm) and the maximum diameter (largest distance between contour vertices, mm); the axis lengths are
 * 4 √λ of the eigenvalues of the pixel-centre covariance (mm). Shape is computed on the original image only.
 */
final class Shape2DFeatures {

    /** Corners of a square in (row, col) offsets: p0 top-left, p1 top-right, p2 bottom-right, p3 bottom-left. */
    private static final int[][] GRID = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    /** Line segments per square configuration: pairs of edge indices, −1 terminated (cshape.c lineTable2D). */
    private static final int[][] LINES = {
        {-1, -1, -1, -1, -1}, {3, 0, -1, -1, -1}, {0, 1, -1, -1, -1}, {3, 1, -1, -1, -1},
        {1, 2, -1, -1, -1}, {1, 2, 3, 0, -1}, {0, 2, -1, -1, -1}, {3, 2, -1, -1, -1},
        {2, 3, -1, -1, -1}, {2, 0, -1, -1, -1}, {0, 1, 2, 3, -1}, {2, 1, -1, -1, -1},
        {1, 3, -1, -1, -1}, {1, 0, -1, -1, -1}, {0, 3, -1, -1, -1}, {-1, -1, -1, -1, -1}};
    /** Edge midpoints in (row, col): v0 top, v1 right, v2 bottom, v3 left. */
    private static final double[][] VERT = {{0, 0.5}, {0.5, 1}, {1, 0.5}, {0.5, 0}};

    private Shape2DFeatures() {
    }

    static Map<String, Double> compute(RoiGrid g) {
        int ph = g.h + 2;
        int pw = g.w + 2;
        boolean[] m = new boolean[ph * pw];
        for (int y = 0; y < g.h; y++) {
            for (int x = 0; x < g.w; x++) {
                m[(y + 1) * pw + x + 1] = g.mask[y * g.w + x];
            }
        }
        double[] sp = {g.spacingY, g.spacingX}; // (row, col) order, as pyradiomics' GetSpacing()[::-1]
        double perimeter = 0;
        double surface = 0;
        double[] vertices = new double[(ph - 1) * (pw - 1) * 4];
        int nv = 0;
        double[] a = new double[2];
        double[] b = new double[2];
        for (int iy = 0; iy < ph - 1; iy++) {
            for (int ix = 0; ix < pw - 1; ix++) {
                int sq = 0;
                for (int k = 0; k < 4; k++) {
                    if (m[(iy + GRID[k][0]) * pw + ix + GRID[k][1]]) {
                        sq |= 1 << k;
                    }
                }
                if (sq == 0 || sq == 0xF) {
                    continue;
                }
                for (int t = 0; LINES[sq][t * 2] >= 0; t++) {
                    a[0] = iy;
                    b[0] = iy;
                    a[1] = ix;
                    b[1] = ix;
                    for (int d = 0; d < 2; d++) {
                        a[d] += VERT[LINES[sq][t * 2]][d];
                        b[d] += VERT[LINES[sq][t * 2 + 1]][d];
                        a[d] *= sp[d];
                        b[d] *= sp[d];
                    }
                    surface += a[0] * b[1] - b[0] * a[1];
                    double d0 = a[0] - b[0];
                    double d1 = a[1] - b[1];
                    perimeter += Math.sqrt(d0 * d0 + d1 * d1);
                }
                // store each square's vertices on edges 3 and 2 only (the others belong to neighbouring squares)
                int s = sq > 7 ? sq ^ 0xF : sq;
                if ((s & 1) != 0) { // p0 set: vertex on edge 3
                    vertices[nv++] = (iy + VERT[3][0]) * sp[0];
                    vertices[nv++] = (ix + VERT[3][1]) * sp[1];
                }
                if ((s & 4) != 0) { // p2 set: vertex on edge 2
                    vertices[nv++] = (iy + VERT[2][0]) * sp[0];
                    vertices[nv++] = (ix + VERT[2][1]) * sp[1];
                }
            }
        }
        surface /= 2;
        double diam2 = 0;
        for (int i = 0; i < nv; i += 2) {
            for (int j = i + 2; j < nv; j += 2) {
                double d0 = vertices[i] - vertices[j];
                double d1 = vertices[i + 1] - vertices[j + 1];
                double dist = d0 * d0 + d1 * d1;
                if (dist > diam2) {
                    diam2 = dist;
                }
            }
        }

        // covariance of the physical pixel coordinates (padded frame), centred and scaled by 1/sqrt(Np)
        int np = g.count;
        double sy = 0;
        double sx = 0;
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                if (m[y * pw + x]) {
                    sy += y * sp[0];
                    sx += x * sp[1];
                }
            }
        }
        double my = sy / np;
        double mx = sx / np;
        double sqrtN = Math.sqrt(np);
        double cyy = 0;
        double cxx = 0;
        double cxy = 0;
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                if (m[y * pw + x]) {
                    double dy = (y * sp[0] - my) / sqrtN;
                    double dx = (x * sp[1] - mx) / sqrtN;
                    cyy += dy * dy;
                    cxx += dx * dx;
                    cxy += dy * dx;
                }
            }
        }
        double tr = cyy + cxx;
        double det = cyy * cxx - cxy * cxy;
        double disc = Math.sqrt(Math.max(0, (cyy - cxx) * (cyy - cxx) / 4 + cxy * cxy));
        double l1 = tr / 2 + disc;
        double l0 = det / l1; // smaller eigenvalue, numerically stable
        if (l1 == 0) {
            l0 = 0;
        }
        if (l0 < 0 && l0 > -1e-10) {
            l0 = 0;
        }

        Map<String, Double> f = new HashMap<>();
        f.put("MeshSurface", surface);
        f.put("PixelSurface", np * g.spacingX * g.spacingY);
        f.put("Perimeter", perimeter);
        f.put("PerimeterSurfaceRatio", perimeter / surface);
        double sphericity = 2 * Math.sqrt(Math.PI * surface) / perimeter;
        f.put("Sphericity", sphericity);
        f.put("SphericalDisproportion", 1.0 / sphericity);
        f.put("MaximumDiameter", Math.sqrt(diam2));
        f.put("MajorAxisLength", l1 < 0 ? Double.NaN : Math.sqrt(l1) * 4);
        f.put("MinorAxisLength", l0 < 0 ? Double.NaN : Math.sqrt(l0) * 4);
        f.put("Elongation", l0 < 0 || l1 < 0 ? Double.NaN : Math.sqrt(l0 / l1));
        return f;
    }
}
