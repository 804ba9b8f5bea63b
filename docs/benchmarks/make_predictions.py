"""Synthetic predictions for the `nodus evaluate` benchmark: n cases, ~30 % events, scores from a binormal model
squashed to probabilities, rounded to 6 decimals (so ties occur, as in real model output). Standard library only.
Model "b" scores the SAME cases (same ids and labels) with extra noise, for the paired --compare benchmark.
    python3 docs/benchmarks/make_predictions.py 100000 42 a > /tmp/pred100k.csv
    python3 docs/benchmarks/make_predictions.py 100000 42 b > /tmp/pred100k_b.csv"""
import math, random, sys
n = int(sys.argv[1]); seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
model = sys.argv[3] if len(sys.argv) > 3 else "a"
rng = random.Random(seed); noise = random.Random(seed + 1)
print("id,label,score")
for i in range(n):
    y = 1 if rng.random() < 0.3 else 0
    z = rng.gauss(1.2 if y else 0.0, 1.0)
    if model == "b":
        z += noise.gauss(0.0, 0.7)
    print(f"case{i},{y},{1 / (1 + math.exp(-(z - 0.8))):.6f}")
