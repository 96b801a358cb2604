"""YAML reading shared by the adapters: the fastest safe loader, and error lines for pydantic locations."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

#: The C-accelerated safe loader when libyaml is available.
Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(text: str, loc: Sequence[int | str]) -> int | None:
    """1-based line of the YAML node at a pydantic error location (best effort)."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return None
    line = None
    key_line: int | None = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:  # a missing (or extra) key: the line of the mapping's own key
                return key_line or line
            key_line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1 if node is not None else line
