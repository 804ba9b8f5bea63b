"""Reference feature values from pyradiomics itself, for nodus.radiomics tests.

Made with pyradiomics 3.0.1 (its feature code is identical to 3.1.0's: only docstrings and int() casts of the label
differ), SimpleITK 2.5.7, numpy 1.26.4, Python 3.11, in a venv:

    python3 -m venv /tmp/pyrad-venv
    /tmp/pyrad-venv/bin/pip install "numpy<2" setuptools wheel versioneer SimpleITK PyWavelets pykwalify six
    /tmp/pyrad-venv/bin/pip install --no-build-isolation pyradiomics
    cd src/test/resources/radiomics && /tmp/pyrad-venv/bin/python make_pyradiomics_reference.py

Writes pyradiomics_reference.json: for each case the input (small images inline, the 500x500 one by file name),
the settings and every feature pyradiomics computes for a 2D image (shape2D, firstorder, glcm, glrlm, glszm, ngtdm,
gldm; deprecated features are not enabled by pyradiomics and are absent here too).
"""
import json

import numpy as np
import SimpleITK as sitk
import radiomics
from radiomics import featureextractor

radiomics.setVerbosity(40)  # errors only

CLASSES = ['shape2D', 'firstorder', 'glcm', 'glrlm', 'glszm', 'ngtdm', 'gldm']


def extract(image, mask, settings):
    s = dict(settings)
    s['additionalInfo'] = False
    ex = featureextractor.RadiomicsFeatureExtractor(**s)
    ex.disableAllFeatures()
    for c in CLASSES:
        ex.enableFeatureClassByName(c)
    out = ex.execute(image, mask)
    return {k: float(v) for k, v in out.items()}


def from_array(arr, spacing=(1.0, 1.0)):
    img = sitk.GetImageFromArray(np.asarray(arr))
    img.SetSpacing(spacing)  # (x, y) in mm
    return img


cases = []

# --- 1. the shared synthetic 500x500 ultrasound-like image (8-bit PNG) and its 0/1 mask, read by SimpleITK as is
img = sitk.ReadImage('image.png')
msk = sitk.ReadImage('mask.png')
for bw in (25, 5):
    cases.append({'name': f'shared500_bw{bw}', 'image_file': 'image.png', 'mask_file': 'mask.png',
                  'settings': {'binWidth': bw},
                  'features': extract(img, msk, {'binWidth': bw})})
# same image clipped to the lesion's [P0.5, P99.5] (numpy linear percentiles), as glcm_reference.json does
arr = sitk.GetArrayFromImage(img).astype(np.float64)
marr = sitk.GetArrayFromImage(msk)
lo, hi = np.percentile(arr[marr == 1], 0.5), np.percentile(arr[marr == 1], 99.5)
clipped = from_array(np.clip(arr, lo, hi))
cases.append({'name': 'shared500_cliplesion_bw25', 'image_file': 'image.png', 'mask_file': 'mask.png',
              'clip': 'lesion', 'clip_range': [float(lo), float(hi)], 'settings': {'binWidth': 25},
              'features': extract(clipped, msk, {'binWidth': 25})})
# Nodus' default: clipped to the WHOLE image's [P0.5, P99.5]
ilo, ihi = np.percentile(arr, 0.5), np.percentile(arr, 99.5)
cases.append({'name': 'shared500_clipimage_bw25', 'image_file': 'image.png', 'mask_file': 'mask.png',
              'clip': 'image', 'clip_range': [float(ilo), float(ihi)], 'settings': {'binWidth': 25},
              'features': extract(from_array(np.clip(arr, ilo, ihi)), msk, {'binWidth': 25})})
# pyradiomics' own normalisation and re-segmentation
for nm, st in (('shared500_normalize', {'binWidth': 5, 'normalize': True, 'normalizeScale': 100,
                                        'removeOutliers': 3}),
               ('shared500_resegment_absolute', {'binWidth': 25, 'resegmentRange': [40, 200]}),
               ('shared500_resegment_sigma_shape', {'binWidth': 10, 'resegmentRange': [-1.5, 2.5],
                                                    'resegmentMode': 'sigma', 'resegmentShape': True}),
               ('shared500_resegment_relative', {'binWidth': 25, 'resegmentRange': [0.3],
                                                 'resegmentMode': 'relative'})):
    cases.append({'name': nm, 'image_file': 'image.png', 'mask_file': 'mask.png', 'settings': st,
                  'features': extract(img, msk, st)})
# with a YAML parameter file (the one the Java CLI test also reads)
ex = featureextractor.RadiomicsFeatureExtractor('params_original.yaml')
cases.append({'name': 'shared500_yaml', 'image_file': 'image.png', 'mask_file': 'mask.png',
              'params_file': 'params_original.yaml',
              'features': {k: float(v) for k, v in ex.execute(img, msk).items() if not k.startswith('diagnostics')}})

# --- 2. small synthetic images (inline), to exercise edge cases on grids small enough to reason about
rng = np.random.default_rng(7)


def small_case(name, pixels, mask, spacing=(1.0, 1.0), settings=None):
    settings = settings or {'binWidth': 25}
    feats = extract(from_array(pixels, spacing), from_array(mask.astype(np.uint8), spacing), settings)
    cases.append({'name': name, 'width': int(pixels.shape[1]), 'height': int(pixels.shape[0]),
                  'spacing': list(spacing), 'pixels': np.asarray(pixels, dtype=float).ravel().tolist(),
                  'mask': mask.astype(int).ravel().tolist(), 'settings': settings, 'features': feats})


# a 4x4 image fully inside the mask, 3 grey levels after binWidth 25 (the hand-computed case of the tests)
p4 = np.array([[10, 10, 30, 30],
               [10, 10, 30, 60],
               [60, 60, 30, 60],
               [10, 30, 30, 60]], dtype=float)
# (padded by a 1-pixel unmasked border: pyradiomics 3.0.1 rejects a mask without any 0 pixel)
m4 = np.zeros((6, 6), bool)
m4[1:5, 1:5] = True
small_case('tiny4x4_full', np.pad(p4, 1), m4)
# irregular mask with a hole and a diagonal-only connection, random 8-bit values, non-square pixels
p = rng.integers(0, 256, size=(9, 11)).astype(float)
m = np.zeros((9, 11), bool)
m[1:8, 2:9] = True
m[4, 5] = False          # hole
m[1, 2] = False
m[8, 9] = True            # touches the block only diagonally (8-connected)
small_case('irregular9x11_bw25', p, m, spacing=(0.5, 0.8))
small_case('irregular9x11_bw10', p, m, spacing=(0.5, 0.8), settings={'binWidth': 10})
# float image (filter-response-like, negative values) with a fractional bin width
pf = rng.normal(0.0, 1.0, size=(12, 10)).round(3)
mf = np.zeros((12, 10), bool)
mf[2:11, 1:9] = True
mf[2, 1] = mf[10, 8] = False
small_case('float12x10_bw0.25', pf, mf, settings={'binWidth': 0.25})
# non-default settings: distances [1, 2], gldm_a 1, voxelArrayShift 100, asymmetric GLCM, binCount 8
small_case('irregular9x11_options', p, m, spacing=(0.5, 0.8),
           settings={'binCount': 8, 'distances': [1, 2], 'gldm_a': 1, 'voxelArrayShift': 100,
                     'symmetricalGLCM': False})

# checkerboard mask: no horizontal/vertical neighbour pairs, so pyradiomics drops those GLCM/GLRLM angles
pc = rng.integers(0, 120, size=(8, 8)).astype(float)
mc = (np.add.outer(np.arange(8), np.arange(8)) % 2 == 0)
mc[0, 0] = False
small_case('checkerboard8x8', pc, mc)
# flat region: one grey level after binning (Correlation 1, MCC 1, Imc 0, ...)
pfl = np.full((6, 7), 40.0)
pfl[0, :] = 200
mfl = np.zeros((6, 7), bool)
mfl[1:5, 1:6] = True
small_case('flat6x7', pfl, mfl)
# 16-bit-range values, wide bins
p16 = rng.integers(0, 65536, size=(10, 10)).astype(float)
m16 = np.zeros((10, 10), bool)
m16[1:9, 2:10] = True
small_case('range16bit10x10_bw2000', p16, m16, settings={'binWidth': 2000})
# isolated pixels two apart: no GLCM pair at any angle (pyradiomics: NaN), GLSZM zones of 1 px
ps = rng.integers(0, 256, size=(7, 7)).astype(float)
ms = np.zeros((7, 7), bool)
ms[1::2, 1::2] = True
small_case('isolated7x7', ps, ms)
# --- 3. files written by SimpleITK and read back by pyradiomics (checks Nodus' readers against SimpleITK's):
# a 16-bit PNG with a 0/255 mask (label 255)
p16f = rng.integers(0, 65536, size=(24, 20)).astype(np.uint16)
m16f = np.zeros((24, 20), np.uint8)
m16f[3:20, 4:17] = 255
m16f[10:13, 8:11] = 0
sitk.WriteImage(sitk.GetImageFromArray(p16f), 'small16.png')
sitk.WriteImage(sitk.GetImageFromArray(m16f), 'small16_mask255.png')
cases.append({'name': 'file16bit_label255', 'image_file': 'small16.png', 'mask_file': 'small16_mask255.png',
              'label': 255, 'settings': {'binWidth': 2500, 'label': 255},
              'features': extract(sitk.ReadImage('small16.png'), sitk.ReadImage('small16_mask255.png'),
                                  {'binWidth': 2500, 'label': 255})})
# (an 8-bit BMP is not included: SimpleITK reads palette BMPs as RGB vector images, which pyradiomics rejects)

meta = {'tool': 'pyradiomics', 'pyradiomics': radiomics.__version__, 'SimpleITK': sitk.Version_VersionString(),
        'numpy': np.__version__, 'script': 'make_pyradiomics_reference.py'}
with open('pyradiomics_reference.json', 'w') as f:
    json.dump({'meta': meta, 'cases': cases}, f, indent=1)
for c in cases:
    print(c['name'], len(c['features']))
