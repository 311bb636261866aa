import ast
from collections import Counter
from pathlib import Path

ANALYZER = Path(__file__).resolve().parent.parent / "analyzer"


def test_no_module_binds_a_top_level_name_twice():
    """A second ``_LATIN_WORD = ...`` further down a long module silently changes what
    the code above it reads; ruff flags redefined functions, not reassigned constants."""
    twice = {}
    for path in sorted(ANALYZER.glob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
        repeated = sorted(name for name, count in names.items() if count > 1)
        if repeated:
            twice[path.name] = repeated
    assert twice == {}
