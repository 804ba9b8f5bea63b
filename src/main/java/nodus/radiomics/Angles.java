package nodus.radiomics;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour offsets {dy, dx} as pyradiomics' C extension builds them ({@code get_angle_count} + {@code build_angles}
 * in cmatrices.c), for a 2D array of the ROI's bounding-box size. For distance 1 and both sides ≥ 2 px:
 * one-directional (GLCM, GLRLM) = (1,1), (1,0), (1,−1), (0,1); bidirectional (GLSZM, NGTDM, GLDM) = the 8 neighbours.
 */
final class Angles {

    private Angles() {
    }

    static int[][] generate(int sizeY, int sizeX, List<Integer> distances, boolean bidirectional) {
        int[] size = {sizeY, sizeX};
        int na = 0;
        int maxDistance = 0;
        for (int d : distances) {
            int nad = 1;
            int nadd = 1;
            for (int s : size) {
                if (d < s) {
                    nad *= 2 * d + 1;
                    nadd *= 2 * d - 1;
                } else {
                    nad *= 2 * (s - 1) + 1;
                    nadd *= 2 * (s - 1) + 1;
                }
            }
            na += nad - nadd;
            maxDistance = Math.max(maxDistance, d);
        }
        if (!bidirectional) {
            na /= 2;
        }
        int nOffsets = 2 * maxDistance + 1;
        int[] stride = {nOffsets, 1};
        List<int[]> angles = new ArrayList<>();
        int newIdx = 0;
        while (angles.size() < na) {
            int[] a = new int[2];
            int dist = 0;
            for (int d = 0; d < 2; d++) {
                int offset = maxDistance - (newIdx / stride[d]) % nOffsets;
                if (offset >= size[d] || offset <= -size[d]) {
                    dist = -1;
                    break;
                }
                a[d] = offset;
                dist = Math.max(dist, Math.abs(offset));
            }
            newIdx++;
            if (dist >= 1 && distances.contains(dist)) {
                angles.add(a);
            }
        }
        return angles.toArray(new int[0][]);
    }
}
