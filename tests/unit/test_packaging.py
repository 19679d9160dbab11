"""What an operator installing the wheel gets: a licence, metadata, and no warnings."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_licence_is_an_spdx_string_with_its_file():
    meta = project()
    assert meta["license"] == "MIT"
    assert meta["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    # The table form is what setuptools deprecates, and warns about on every install.
    assert not any(c.startswith("License ::") for c in meta["classifiers"])


def test_the_typed_claim_is_true():
    assert "Typing :: Typed" in project()["classifiers"]
    assert (ROOT / "bot" / "py.typed").is_file()


def test_urls_say_where_to_read_and_report():
    assert {"Homepage", "Documentation", "Issues", "Privacy"} <= set(project()["urls"])
