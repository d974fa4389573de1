"""A gradient-boosted tree ensemble shipped as JSON and scored in pure Python.

The file (written by ``bench/train_lines.py``) holds the feature names, a base score and the
trees, each node ``[feature, threshold, left, right]`` (go left when ``x[feature] <=
threshold``) and each leaf a number. Loading compiles the trees into one Python function
of nested conditional expressions over the features read into locals, so scoring a line
costs one call and no interpreter loop over nodes; the model needs no numpy, scikit-learn
or LightGBM at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Node = list[Any] | float


def _expression(node: Node, used: set[int]) -> str:
    if not isinstance(node, list):
        return repr(float(node))
    feature, threshold, left, right = node
    used.add(int(feature))
    return (
        f"({_expression(left, used)} if f{int(feature)} <= {float(threshold)!r} "
        f"else {_expression(right, used)})"
    )


class TreeModel:
    """Sum of trees plus a base score, through a logistic: the probability of class 1."""

    def __init__(
        self,
        names: Sequence[str],
        base: float,
        trees: Sequence[Node],
        info: dict[str, Any] | None = None,
    ) -> None:
        self.names = tuple(names)
        self.base = float(base)
        self.trees = list(trees)
        self.info = dict(info or {})
        self._margin: Callable[[Sequence[float]], float] | None = None

    @classmethod
    def load(cls, path: Path) -> TreeModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["features"], data["base"], data["trees"], data.get("info"))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.names),
                "base": self.base,
                "trees": self.trees,
                "info": self.info,
            },
            separators=(",", ":"),
        )

    def _compiled(self) -> Callable[[Sequence[float]], float]:
        if self._margin is None:
            used: set[int] = set()
            body = " + ".join(_expression(t, used) for t in self.trees) or "0.0"
            # each feature read once into a local: the comparisons then read locals
            reads = "".join(f"    f{i} = x[{i}]\n" for i in sorted(used))
            source = f"def margin(x):\n{reads}    return {self.base!r} + {body}\n"
            namespace: dict[str, Any] = {}
            exec(compile(source, "<cleanarticle tree model>", "exec"), namespace)
            self._margin = namespace["margin"]
        return self._margin

    def margin(self, row: Sequence[float]) -> float:
        return self._compiled()(row)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        margin = self._compiled()
        out = []
        for row in rows:
            m = margin(row)
            out.append(1.0 / (1.0 + math.exp(-m)) if m > -700 else 0.0)
        return out
