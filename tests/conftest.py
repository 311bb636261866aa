from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("*.md"))
EDGE = ROOT / "corpus" / "edge"
FOXCONN = ROOT / "corpus" / "samples" / "2025-11-23-foxconn-nvidia-openai.md"

_validator = jsonschema.Draft202012Validator(json_schema())


def validate(record: dict) -> None:
    """Raise if ``record`` does not match ``kiji schema``."""
    _validator.validate(record)


class Kiji:
    """Runs the real CLI in-process, as a user would from a shell."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input)

    def json(self, *args: str, input: str | bytes | None = None) -> dict:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.output + result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def kiji() -> Kiji:
    return Kiji()
