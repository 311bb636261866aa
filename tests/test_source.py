"""Checks on kiji's own source that ruff does not make."""

import ast
from collections import Counter
from pathlib import Path

import analyzer


def test_no_module_binds_a_top_level_name_twice():
    # entities.py holds ~200 module-level patterns; a second _GENERATION once replaced
    # the first silently, and a rule elsewhere in the module changed its meaning
    for path in sorted(Path(analyzer.__file__).parent.glob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
            elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                names[node.name] += 1
        twice = sorted(name for name, count in names.items() if count > 1)
        assert not twice, f"{path.name} binds {twice} more than once"
