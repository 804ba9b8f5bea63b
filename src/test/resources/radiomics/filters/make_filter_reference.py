"""Reference filtered images for nodus.radiomics.filter, made by pyradiomics' own image operations.

Run (Python 3.11):
    python3 -m venv /tmp/pyr
    /tmp/pyr/bin/pip install "numpy<2" SimpleITK PyWavelets pykwalify six setuptools wheel versioneer
    /tmp/pyr/bin/pip install --no-build-isolation pyradiomics      # resolves to 3.0.1, see below
    cd src/test/resources/radiomics/filters && /tmp/pyr/bin/python make_filter_reference.py

Why 3.0.1: a plain `pip install pyradiomics` fails (its sdist imports numpy in setup.py without declaring it as a
build requirement), hence --no-build-isolation; pip then skips 3.1.0 because that sdist's metadata says 3.0.1a1
("inconsistent version") and installs 3.0.1. The image operations used here (getLoGImage, getWaveletImage/_swt3,
getSquare/SquareRoot/Logarithm/Exponential/GradientImage) are identical in the 3.1.0 sdist (diffed by hand).

The 2D PNG is read by SimpleITK as a 2D image, so the filters run in 2D (LoG = 2D LaplacianRecursiveGaussian,
wavelet = pywt.swtn over numpy axes (1, 0)) with default settings, i.e. force2D off. With force2D on, pyradiomics
transforms only one axis of a 2D image (wavelet-H / wavelet-L): that variant is saved too.

Inputs: image.png / mask.png (copies of the shared synthetic 500x500 ultrasound-like reference, 8-bit, 1 mm
pixels) and a small synthetic image made here (odd size 17x13, negative and fractional values, 0.7 x 1.3 mm
pixels) so that wavelet padding, signed square root/logarithm and anisotropic spacing are exercised.

Outputs (text, read by FilterReferenceTest):
  <case>_windows.csv  image_type,window,x0,y0,w,h,values  (values: row-major, space separated, repr precision)
  <case>_stats.csv    image_type,stat,value  (whole-image sum/min/max/mean, and sum/mean inside the mask)
  synthetic_input.csv the synthetic input image itself (row-major, one image row per line)
  extractor_firstorder_mean.csv  RadiomicsFeatureExtractor on image.png/mask.png, firstorder Mean per image type
"""
import csv
import numpy as np
import pywt
import SimpleITK as sitk
import radiomics
from radiomics import imageoperations as io

LOG_SIGMAS = [1.0, 2.0, 3.0, 4.0, 5.0]


def all_types(image, settings):
    """(image type name, numpy array, dtype name) for every pyradiomics image type Nodus implements."""
    out = []
    gens = [
        io.getOriginalImage(image, None, **settings),
        io.getLoGImage(image, None, **dict(settings, sigma=settings.get('sigma', LOG_SIGMAS))),
        io.getWaveletImage(image, None, **settings),
        io.getSquareImage(image, None, **settings),
        io.getSquareRootImage(image, None, **settings),
        io.getLogarithmImage(image, None, **settings),
        io.getExponentialImage(image, None, **settings),
        io.getGradientImage(image, None, **settings),
    ]
    for gen in gens:
        for img, name, _ in gen:
            arr = sitk.GetArrayFromImage(img)
            out.append((name, arr, str(arr.dtype)))
    return out


def fmt(v, dtype):
    # float32 results (ITK LoG, gradient) are written with float32 repr, the others at full double precision
    return repr(float(np.float32(v))) if dtype == 'float32' else repr(float(v))


def write(case, results, windows, mask, extra_prefix=''):
    with open(case + '_windows.csv', 'a' if extra_prefix else 'w', newline='') as f:
        w = csv.writer(f)
        if not extra_prefix:
            w.writerow(['image_type', 'window', 'x0', 'y0', 'w', 'h', 'values'])
        for name, arr, dtype in results:
            if name == 'original':
                continue  # the input itself; its stats below still check the PNG decoding
            for wname, (x0, y0, ww, hh) in windows.items():
                block = arr[y0:y0 + hh, x0:x0 + ww]
                w.writerow([extra_prefix + name, wname, x0, y0, ww, hh,
                            ' '.join(fmt(v, dtype) for v in block.ravel())])
    with open(case + '_stats.csv', 'a' if extra_prefix else 'w', newline='') as f:
        w = csv.writer(f)
        if not extra_prefix:
            w.writerow(['image_type', 'stat', 'value'])
        for name, arr, dtype in results:
            a = arr.astype(np.float64)
            stats = {'sum': a.sum(), 'min': a.min(), 'max': a.max(), 'mean': a.mean(),
                     'mask_sum': a[mask].sum(), 'mask_mean': a[mask].mean()}
            for k, v in stats.items():
                w.writerow([extra_prefix + name, k, repr(float(v))])


def reference_image():
    image = sitk.ReadImage('image.png')
    mask = sitk.GetArrayFromImage(sitk.ReadImage('mask.png')) > 0
    ys, xs = np.nonzero(mask)
    cy, cx = int(round(ys.mean())), int(round(xs.mean()))
    left = int(xs[ys == cy].min())  # lesion border on the centre row
    h, w = mask.shape
    windows = {'centre': (cx - 10, cy - 10, 20, 20),      # inside the lesion
               'border': (left - 10, cy - 10, 20, 20),    # straddles the lesion edge
               'topleft': (0, 0, 6, 6),                   # image corners: boundary handling of the filters
               'bottomright': (w - 6, h - 6, 6, 6)}
    write('image', all_types(image, {}), windows, mask)


def synthetic_image():
    h, w = 13, 17
    yy, xx = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(20261127)
    arr = 40 * np.sin(xx / 2.5) * np.cos(yy / 3.0) + 8 * rng.normal(size=(h, w)) + 5 * (xx - yy)
    arr = np.round(arr, 3)  # 3 decimals so the CSV input is exact
    np.savetxt('synthetic_input.csv', arr, delimiter=',', fmt='%.3f')
    arr = np.loadtxt('synthetic_input.csv', delimiter=',')
    image = sitk.GetImageFromArray(arr)  # float64
    image.SetSpacing((0.7, 1.3))  # (x, y) in mm
    mask = np.zeros((h, w), bool)
    mask[3:10, 4:13] = True
    windows = {'all': (0, 0, w, h)}
    write('synthetic', all_types(image, {'sigma': [1.0, 2.0, 3]}), windows, mask)
    variants = [('gradientUseSpacing=false|', {'gradientUseSpacing': False}, io.getGradientImage),
                ('force2D=true|', {'force2D': True}, io.getWaveletImage),
                ('force2D=true;force2Ddimension=1|', {'force2D': True, 'force2Ddimension': 1}, io.getWaveletImage),
                ('level=2|', {'level': 2}, io.getWaveletImage),
                ('start_level=1|', {'start_level': 1}, io.getWaveletImage)]
    for prefix, settings, fn in variants:
        res = []
        for img, name, _ in fn(image, None, **settings):
            a = sitk.GetArrayFromImage(img)
            res.append((name, a, str(a.dtype)))
        write('synthetic', res, windows, mask, extra_prefix=prefix)


def extractor_means():
    """The full pyradiomics extractor on image.png/mask.png: firstorder Mean (= lesion mean of each filtered
    image) under every image type, with force2D off and on. Checks the names and that the extractor filters the
    whole image before cropping to the lesion."""
    import logging
    from radiomics import featureextractor
    logging.getLogger('radiomics').setLevel(logging.ERROR)
    with open('extractor_firstorder_mean.csv', 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['force2D', 'feature', 'value'])
        for force2D in (False, True):
            params = {'imageType': {'Original': {}, 'LoG': {'sigma': [1.0, 2]}, 'Wavelet': {}, 'Square': {},
                                    'SquareRoot': {}, 'Logarithm': {}, 'Exponential': {}, 'Gradient': {}},
                      'featureClass': {'firstorder': ['Mean']}, 'setting': {'force2D': force2D}}
            result = featureextractor.RadiomicsFeatureExtractor(params).execute('image.png', 'mask.png')
            for k, v in result.items():
                if not k.startswith('diagnostics'):
                    w.writerow([str(force2D).lower(), k, repr(float(v))])


if __name__ == '__main__':
    from importlib.metadata import version
    print('pyradiomics', version('pyradiomics'), 'SimpleITK', version('SimpleITK'), 'PyWavelets',
          version('PyWavelets'), 'numpy', version('numpy'))
    reference_image()
    synthetic_image()
    extractor_means()
