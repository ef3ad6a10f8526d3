"""The leaflet command refuses what would mislead on paper, and warns about what might."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.cli import main
from tests.paths import FIXTURE_DIRECTORY, REPO

#: Not a placeholder: `.test` is reserved for tests, but it is not an `example.` domain.
REAL_URL = "https://help-site.test/"
DATA = ["--data-dir", str(FIXTURE_DIRECTORY)]


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SITE_URL", "HELPDIR_PUBLISH", "HELPDIR_ALLOW_SAMPLES"):
        monkeypatch.delenv(name, raising=False)


def test_the_placeholder_address_from_mkdocs_yml_is_refused(tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.pdf"
    assert main(["leaflet", *DATA, "--region", "brest", "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert "https://help.example.org/ (`site_url` in mkdocs.yml), a placeholder" in err
    assert "Set the real address as `site_url` in mkdocs.yml" in err
    assert "--allow-placeholder-url" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["--site-url", "https://pomoshch.example.by/"], "(--site-url)"),
        (["--cards"], "(the SITE_URL environment variable)"),
        (["--region", "national", "--out-html"], "(the SITE_URL environment variable)"),
    ],
)
def test_any_example_domain_is_refused_for_leaflets_cards_and_html(
    args, where, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.com/help/")
    target = tmp_path / ("x.html" if "--out-html" in args else "x.pdf")
    args = [a for a in args if a != "--out-html"]
    if "--region" not in args and "--cards" not in args:
        args += ["--region", "brest"]
    assert main(["leaflet", *DATA, *args, "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert "a placeholder, not the site's real address" in err and where in err
    assert not target.exists()


def test_a_sample_entry_is_a_warning_and_under_publish_a_refusal(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    target = tmp_path / "vitebsk.pdf"
    args = ["leaflet", *DATA, "--site-url", REAL_URL, "--region", "vitebsk", "--out", str(target)]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "warning: this prints sample entries" in err
    assert f"vitebsk-sample-shelter ({FIXTURE_DIRECTORY}/entries/vitebsk/" in err
    target.unlink()

    monkeypatch.setenv("HELPDIR_PUBLISH", "true")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "No leaflet: it would print sample entries" in err and "HELPDIR_PUBLISH" in err
    assert "vitebsk-sample-shelter" in err
    assert not target.exists()

    monkeypatch.setenv("HELPDIR_ALLOW_SAMPLES", "true")
    assert main(args) == 0


def test_entries_not_confirmed_for_a_year_are_listed(tmp_path: Path, capsys) -> None:
    args = ["leaflet", *DATA, "--site-url", REAL_URL, "--region", "minsk-city"]
    args += ["--entries", "minsk-legal-aid,minsk-shelter", "--out", str(tmp_path / "m.pdf")]
    assert main(args) == 0
    err = capsys.readouterr().err
    today = dt.date.today()
    # Twelve months before today: the same day a year earlier (28 February for a 29th).
    cutoff = today.replace(year=today.year - 1, day=min(today.day, 28 if today.month == 2 else 31))
    assert f"warning: last verified before {cutoff} (more than 12 months ago); call them" in err
    assert "minsk-legal-aid: verified 2025-01-15" in err
    assert "minsk-shelter" not in err.split("more than 12 months", 1)[1]
    assert main([*args, "--stale-months", "600"]) == 0
    assert "last verified before" not in capsys.readouterr().err


def test_output_goes_to_an_ignored_folder_and_says_pages(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["leaflet", *DATA, "--site-url", REAL_URL, "--region", "brest"]) == 0
    out = capsys.readouterr().out
    leaflet = tmp_path / "leaflets-out" / "leaflet-brest-ru.pdf"
    assert out.startswith("leaflets-out/leaflet-brest-ru.pdf: 2 pages, ")
    assert main(["leaflet", *DATA, "--site-url", REAL_URL, "--cards", "--lang", "be"]) == 0
    out = capsys.readouterr().out
    cards = tmp_path / "leaflets-out" / "wallet-cards-be.pdf"
    assert out.startswith("leaflets-out/wallet-cards-be.pdf: 1 старонка, ")  # --lang be speaks be

    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "leaflets-out/leaflet-brest-ru.pdf"], cwd=REPO
    )
    assert ignored.returncode == 0, "leaflets-out/ is not ignored by git"

    assert "A5" in PdfReader(leaflet).metadata.subject
    assert "A5" in PdfReader(leaflet).metadata["/Keywords"]
    assert "A4" in PdfReader(cards).metadata.subject
