"""Every text of the site is spelt right, in its own language (Hunspell, see spellcheck.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spelling import spellcheck


@pytest.fixture(autouse=True, scope="module")
def _hunspell() -> None:
    missing = spellcheck.missing_tools()
    if missing:
        pytest.fail(
            f"Hunspell or a dictionary is missing: {', '.join(missing)} "
            f"(`make test` installs them: apt-get install {' '.join(missing)})"
        )


def test_the_site_texts_are_spelt_right() -> None:
    unknown = spellcheck.check()
    assert not unknown, (
        "Unknown words (fix the spelling, or add a name or term to "
        "tests/spelling/words.<lang>.txt):\n" + "\n".join(map(str, unknown))
    )


def test_a_misspelt_word_is_found_with_its_file_line_and_language(tmp_path: Path) -> None:
    (tmp_path / "content" / "ru").mkdir(parents=True)
    (tmp_path / "content" / "be").mkdir()
    (tmp_path / "content" / "en").mkdir()
    (tmp_path / "content" / "ru" / "page.md").write_text(
        '---\ndescription: "Горячая линия"\n---\n\n# Помощь\n\n'
        "Позвоните на горячию линию {{ org.hotline.link }}, `кодд` не проверяется.\n",
        encoding="utf-8",
    )
    (tmp_path / "content" / "en" / "page.md").write_text(
        "# Help\n\nCall the hotlnie. Telegram and WAVE's network.\n", encoding="utf-8"
    )
    (tmp_path / "directory_data").mkdir()
    (tmp_path / "directory_data" / "services.yml").write_text(
        "- id: emergency\n  name: {ru: Экстренная помощь, be: Экстраная дапамога}\n"
        "  description:\n    be: >-\n      Кароткія нумары, каб\n      тэлефанаваць хутчэйй.\n",
        encoding="utf-8",
    )
    found = [str(u) for u in spellcheck.check(tmp_path)]
    assert found == [
        "content/en/page.md:3: hotlnie (en)",
        "content/ru/page.md:7: горячию (ru)",
        "directory_data/services.yml:2: Экстраная (be)",
        "directory_data/services.yml:6: хутчэйй (be)",
    ]


def test_syntax_code_and_addresses_are_not_words() -> None:
    line = '!!! warning "Увага" `e164` [сайт](https://t.me/x) {{ org.name }} {n} 2-й, 2nd'
    assert spellcheck.words_of(line, "be") == ["Увага", "сайт"]
    assert spellcheck.words_of("Call the hotline on Telegram", "ru") == []
