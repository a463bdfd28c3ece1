#!/usr/bin/python3
"""Writes nms_fixtures.json: torchvision.ops.nms and batched_nms answers, the oracle of NmsTests. Run with Debian's
python (torch 1.13, torchvision 0.14):

    /usr/bin/python3 tests/AiLab.Tests/Metrics/Fixtures/make_nms_fixtures.py

Boxes and scores are float64 (torchvision's CPU kernel computes IoU in the boxes' dtype, so the C# double IoU is the
same arithmetic). Scores are rounded to one decimal in some cases to create ties: torchvision's CPU nms sorts with a
stable sort, so tied scores keep their input order. The boxes are stored in the JSON, so the C# tests never depend on
torch's random streams."""
import json
import os

import torch
import torchvision
from torchvision.ops import batched_nms, nms

here = os.path.dirname(os.path.abspath(__file__))
out = {"torch_version": torch.__version__, "torchvision_version": torchvision.__version__, "nms": [], "batched_nms": []}
g = torch.Generator().manual_seed(20261202)


def random_boxes(n, scale=100.0, size=40.0):
    xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * scale
    wh = torch.rand(n, 2, generator=g, dtype=torch.float64) * size
    return torch.cat([xy, xy + wh], dim=1)


def add(name, boxes, scores, threshold, classes=None):
    boxes = torch.as_tensor(boxes, dtype=torch.float64)
    scores = torch.as_tensor(scores, dtype=torch.float64)
    case = {"name": name, "boxes": boxes.tolist(), "scores": scores.tolist(), "iou_threshold": threshold}
    if classes is None:
        case["keep"] = nms(boxes, scores, threshold).tolist()
        out["nms"].append(case)
    else:
        classes = torch.as_tensor(classes, dtype=torch.int64)
        case["classes"] = classes.tolist()
        case["keep"] = batched_nms(boxes, scores, classes, threshold).tolist()
        out["batched_nms"].append(case)


# Hand cases: identical boxes with tied scores (the first in input order survives), disjoint boxes, IoU exactly at
# the threshold (kept: only IoU > threshold suppresses), a chain where A suppresses B but B would have suppressed C,
# zero-area boxes, and the empty input.
add("ties_identical_boxes", [[0, 0, 10, 10], [20, 20, 30, 30], [0, 0, 10, 10], [40, 40, 50, 50], [1, 1, 11, 11]], [0.5] * 5, 0.5)
add("iou_exactly_at_threshold", [[0, 0, 2, 1], [0, 0, 1, 1], [0, 0, 3, 1]], [0.9, 0.8, 0.7], 0.5)
add("chain_suppression", [[0, 0, 10, 10], [5, 0, 15, 10], [10, 0, 20, 10]], [0.9, 0.8, 0.7], 0.3)
add("threshold_zero_drops_any_overlap", [[0, 0, 10, 10], [9, 9, 20, 20], [10, 10, 20, 20], [30, 30, 31, 31]], [0.1, 0.9, 0.5, 0.4], 0.0)
add("zero_area_boxes", [[5, 5, 5, 5], [5, 5, 5, 5], [0, 0, 10, 10], [2, 2, 2, 8]], [0.9, 0.8, 0.7, 0.6], 0.1)
add("threshold_one_keeps_all", [[0, 0, 10, 10], [0, 0, 10, 10], [1, 1, 9, 9]], [0.3, 0.2, 0.9], 1.0)
add("empty", torch.zeros(0, 4), torch.zeros(0), 0.5)

for i, (n, threshold, ties) in enumerate([(30, 0.5, False), (60, 0.3, True), (80, 0.7, True), (120, 0.5, False), (200, 0.2, True)]):
    boxes = random_boxes(n)
    scores = torch.rand(n, generator=g, dtype=torch.float64)
    if ties:
        scores = torch.round(scores * 10) / 10
    add(f"random_{n}_iou{threshold}{'_ties' if ties else ''}", boxes, scores, threshold)

add("batched_hand", [[0, 0, 10, 10], [0, 0, 10, 10], [1, 1, 10, 10], [0, 0, 10, 10]], [0.9, 0.8, 0.7, 0.6], 0.5, classes=[0, 1, 0, 1])
for n, threshold, k, ties in [(40, 0.5, 3, False), (90, 0.3, 4, True), (150, 0.6, 2, True)]:
    boxes = random_boxes(n, scale=60.0)
    scores = torch.rand(n, generator=g, dtype=torch.float64)
    if ties:
        scores = torch.round(scores * 10) / 10
    classes = torch.randint(0, k, (n,), generator=g)
    add(f"batched_random_{n}_classes{k}_iou{threshold}{'_ties' if ties else ''}", boxes, scores, threshold, classes=classes)

with open(os.path.join(here, "nms_fixtures.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
