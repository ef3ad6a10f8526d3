"""The editor reads every command's messages in their language: ``--lang``, else
``HELPDIR_LANG``, else Russian; a language without messages is refused with the list."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.data.errors import Problem, count_text
from build_tools.messages import use_language
from tests.data.helpers import Runner, write
from tests.paths import REPO


@pytest.fixture
def broken(data_dir: Path) -> Path:
    """The fixture directory with a misspelt region and an unknown field in one entry."""
    file = next((data_dir / "entries" / "brest").glob("*.yml"))
    text = file.read_text(encoding="utf-8")
    region = next(line for line in text.splitlines() if line.startswith("region:"))
    file.write_text(text.replace(region, "region: bresst") + "colour: red\n", encoding="utf-8")
    return data_dir


def _validate(*args: str, lang_env: str | None) -> subprocess.CompletedProcess[str]:
    """``python -m build_tools validate …`` as an editor runs it, with HELPDIR_LANG as given."""
    env = {k: v for k, v in os.environ.items() if k != "HELPDIR_LANG"}
    if lang_env is not None:
        env["HELPDIR_LANG"] = lang_env
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
    )


def test_without_a_choice_the_messages_are_russian(broken: Path) -> None:
    run = _validate(str(broken), lang_env=None)
    assert run.returncode == 1
    assert "region: в regions.yml нет региона `bresst` — может быть, `brest`?" in run.stdout
    assert "colour: неизвестное поле `colour`" in run.stdout
    assert "НЕ ПРОЙДЕНО: 2 ошибки, 0 предупреждений в 1 файле" in run.stdout
    assert "there is no region" not in run.stdout


def test_helpdir_lang_be_gives_belarusian(broken: Path) -> None:
    run = _validate(str(broken), lang_env="be")
    assert run.returncode == 1
    assert "у regions.yml няма рэгіёна `bresst` — можа, `brest`?" in run.stdout
    assert "невядомае поле `colour`" in run.stdout
    assert "НЕ ПРАЙШЛО: 2 памылкі, 0 папярэджанняў — у 1 файле" in run.stdout


def test_lang_option_wins_over_the_variable(run_cli: Runner, broken: Path) -> None:
    code, out = run_cli("validate", "--lang", "ru", str(broken))  # HELPDIR_LANG=en in tests
    assert code == 1
    assert "в regions.yml нет региона `bresst`" in out
    code, out = run_cli("validate", "--lang", "en", str(broken))
    assert "there is no region `bresst` in regions.yml — did you mean `brest`?" in out
    assert "FAILED: 2 errors, 0 warnings in 1 file" in out


def test_a_clean_folder_says_so_in_russian(run_cli: Runner, data_dir: Path) -> None:
    code, out = run_cli("validate", "--lang", "ru", str(data_dir))
    assert code == 0
    assert out.strip().startswith("ВСЁ В ПОРЯДКЕ: 12 записей, 3 региона, 8 видов помощи")


def test_an_unknown_language_is_refused_with_the_choices(broken: Path) -> None:
    run = _validate("--lang", "xx", str(broken), lang_env=None)
    assert run.returncode == 2
    assert "сообщений на языке `xx` нет — возможные языки: ru, be, en" in run.stderr
    assert "Traceback" not in run.stderr
    run = _validate(str(broken), lang_env="de")
    assert run.returncode == 2
    assert "HELPDIR_LANG: сообщений на языке `de` нет — возможные языки: ru, be, en" in run.stderr
    assert run.stdout == ""  # nothing was checked under a language nobody chose


@pytest.mark.parametrize(
    ("lang", "one", "few", "many"),
    [
        ("ru", "1 ошибка, 1 предупреждение в 1 файле", "3 ошибки", "5 ошибок, 0 предупреждений"),
        ("be", "1 памылка, 1 папярэджанне — у 1 файле", "3 памылкі", "5 памылак, 0 папярэджанняў"),
        ("en", "1 error, 1 warning in 1 file", "3 errors", "5 errors, 0 warnings"),
    ],
)
def test_counts_take_the_language_s_plural_forms(lang: str, one: str, few: str, many: str) -> None:
    def problems(errors: int, warnings: int) -> list[Problem]:
        return [Problem("a.yml", 1, 1, "id", "x") for _ in range(errors)] + [
            Problem("a.yml", 1, 1, "id", "x", severity="warning") for _ in range(warnings)
        ]

    use_language(lang)
    assert count_text(problems(1, 1)) == one
    assert count_text(problems(3, 0)).startswith(few)
    assert count_text(problems(5, 0)).startswith(many)


@pytest.mark.parametrize(
    ("lang", "comment", "guide"),
    [
        ("ru", "# Новая запись. Заполните пустые значения", "docs/editors-guide.ru.md"),
        ("en", "# A new entry. Fill in the empty values", "docs/editors-guide.en.md"),
        ("be", "# Новы запіс. Запоўніце пустыя значэнні", "docs/editors-guide.ru.md"),
    ],
)
def test_new_entry_comments_are_in_the_language_and_point_to_its_guide(
    run_cli: Runner, data_dir: Path, lang: str, comment: str, guide: str
) -> None:
    code, out = run_cli(
        "new-entry", "--lang", lang, "--data", str(data_dir), "--id", f"room-{lang}",
        "--region", "brest", "--service", "crisis-room",
    )  # fmt: skip
    assert code == 0, out
    text = (data_dir / "entries" / "brest" / f"room-{lang}.yml").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith(comment)
    assert f"({guide})" in text
    assert (REPO / guide).is_file()
    if lang != "en":
        assert "Fill in" not in text and "# The day you confirmed" not in text
    # The keys and the commented admission block stay in the data format's words.
    assert "#   max_stay_days: 10" in text and "\nverified: " in text


def test_a_skeleton_in_russian_is_still_a_valid_entry_once_filled(
    run_cli: Runner, data_dir: Path
) -> None:
    run_cli("new-entry", "--lang", "ru", "--data", str(data_dir), "--id", "x-ru",
            "--region", "brest", "--service", "legal", "--name", "Проверка")  # fmt: skip
    file = data_dir / "entries" / "brest" / "x-ru.yml"
    text = file.read_text(encoding="utf-8")
    text = (
        text.replace('number: ""', 'number: "8 017 123-45-67"')
        .replace("summary:\n  ru:\n", "summary:\n  ru: Консультации юриста.\n")
        .replace("address:\n  ru:\n", "address:\n  ru: ул. Примерная, 1\n")
    )
    write(data_dir, "entries/brest/x-ru.yml", text + "source: https://example.by/\n"
          "source_date: 2024-01-01\n")  # fmt: skip
    code, out = run_cli("validate", "--lang", "ru", str(data_dir))
    assert code == 0, out


def test_help_is_in_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    from build_tools.cli import main

    with pytest.raises(SystemExit):
        main(["validate", "--lang", "be", "--help"])
    out = capsys.readouterr().out
    assert "Праверыць directory_data/ і шапкі старонак" in out
    assert "мова паведамленняў" in out  # the --lang option explains itself
