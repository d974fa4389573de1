"""pytest at the root: the module of an optional integration is collected (for its
doctests) only when the package it adapts is installed."""

from __future__ import annotations

import importlib.util

collect_ignore = [
    f"cleanarticle/integrations/{name}.py"
    for name in ("datatrove",)
    if importlib.util.find_spec(name) is None
]
