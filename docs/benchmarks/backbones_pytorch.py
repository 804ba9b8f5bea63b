"""PyTorch eager reference for `nodus benchmark-backbones`: the same loop, batch, input size and memory measure.

    python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch==2.7.1 torchvision==0.22.1
    /tmp/torch-venv/bin/python docs/benchmarks/backbones_pytorch.py --backbone resnet50 --mode TRAIN

torch 2.7.1 is the libtorch that DJL 0.36.0's pytorch-native-cpu bundles. Run each (backbone, mode) in its own
process (peak RSS is per process), like the Java command. Prints the same RESULT line as
nodus.deeplearning.BackboneBenchmark:  RESULT name mode size batch batches img/s setupRssMiB peakRssMiB

What it does, as the Java benchmark: seeded random input in [-2, 2) made once and reused; 2-class head;
TRAIN = model.train(), forward, cross-entropy, backward, SGD(lr 1e-3, momentum 0.9) step on every parameter,
gradients reset with zero_grad() (set_to_none, PyTorch's default); EXTRACT = model.eval() under torch.no_grad(),
penultimate features (the head replaced by Identity) copied out to numpy-free Python (.tolist()). Memory: VmRSS
after set-up and VmHWM (= ru_maxrss) at the end, MiB. Inception-v3 is built without the auxiliary head at 299².
"""
import argparse
import resource
import time

import torch
import torchvision

SIZES = {'inception_v3': 299}


def status(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024.0
    return -1.0


def build(name):
    if name == 'inception_v3':
        return torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=True, num_classes=2)
    return getattr(torchvision.models, name)(weights=None, num_classes=2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--backbone', default='resnet50')
    ap.add_argument('--mode', default='TRAIN', choices=['TRAIN', 'EXTRACT'])
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--batches', type=int, default=5)
    a = ap.parse_args()
    torch.manual_seed(11)
    size = SIZES.get(a.backbone, 224)
    model = build(a.backbone)
    x = torch.empty(a.batch, 3, size, size).uniform_(-2, 2)
    y = torch.arange(a.batch) % 2
    if a.mode == 'TRAIN':
        model.train()
        opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)

        def step():
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
    else:
        if a.backbone == 'vgg19':
            model.classifier[6] = torch.nn.Identity()
        else:
            model.fc = torch.nn.Identity()
        model.eval()
        for p in model.parameters():
            p.requires_grad_(False)

        def step():
            with torch.no_grad():
                model(x).tolist()
    setup = status('VmRSS:')
    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.batches):
        step()
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    assert abs(peak - status('VmHWM:')) < 1.0, (peak, status('VmHWM:'))
    print('RESULT %s %s %d %d %d %.4f %.1f %.1f' % (a.backbone, a.mode, size, a.batch, a.batches,
                                                     a.batch * a.batches / seconds, setup, peak))
    print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'threads', torch.get_num_threads())


if __name__ == '__main__':
    main()
