"""The site's languages, read from the one place they are declared: ``mkdocs.yml``.

MkDocs needs them there (the ``helpdir`` plugin's ``languages:``: code, name, site name), so
that is where they are written; every module and every test reads them through this module,
and adding a language is an edit of that list (see ``docs/adding-a-language.md``). The first
language is the default one: the site root, and the language every missing text falls back to.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from build_tools.paths import REPO

#: The configuration the languages are read from.
CONFIG_FILE = REPO / "mkdocs.yml"
#: The name our plugin is registered under in ``plugins:``.
PLUGIN = "helpdir"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its tags (``!ENV``, Python names) are read as None;
    the language list never uses them."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, s, node: None)


@functools.lru_cache(maxsize=4)
def declared(config_file: Path = CONFIG_FILE) -> dict[str, dict[str, str]]:
    """``{code: {name, site_name}}`` in the order mkdocs.yml lists them, the default first."""
    with Path(config_file).open(encoding="utf-8") as handle:
        config: Any = yaml.load(handle, Loader=_ConfigLoader)  # noqa: S506 - SafeLoader subclass
    for item in (config or {}).get("plugins") or []:
        if isinstance(item, dict) and PLUGIN in item:
            languages = (item[PLUGIN] or {}).get("languages") or {}
            if languages:
                return {str(code): dict(options or {}) for code, options in languages.items()}
    raise RuntimeError(
        f"{config_file}: the {PLUGIN} plugin declares no `languages:`; list the site's "
        "languages there, the default first (docs/adding-a-language.md)."
    )


#: Site languages in order, the default first. Text falls back to the default language.
LANGUAGES: tuple[str, ...] = tuple(declared())
#: The language of the site root, and of every text another language lacks.
DEFAULT_LANGUAGE: str = LANGUAGES[0]
#: Each language's name in itself, as the language switcher and the bot show it.
LANGUAGE_NAMES: dict[str, str] = {code: o.get("name", code) for code, o in declared().items()}


def _is_code(key: object) -> bool:
    return isinstance(key, str) and 2 <= len(key) <= 3 and key.isascii() and key.islower()


def with_languages(schema: Any) -> Any:
    """A JSON Schema whose language maps and language enums list exactly the declared languages.

    The schema files name ``ru``, ``be`` and ``en`` for editors' completion; a language added
    in mkdocs.yml gets the default language's rules there, never a requirement (its texts fall
    back to the default language until they are written). Returns a new object.
    """
    if isinstance(schema, list):
        return [with_languages(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: with_languages(value) for key, value in schema.items()}
    properties = out.get("properties")
    if (
        isinstance(properties, dict)
        and DEFAULT_LANGUAGE in properties
        and all(_is_code(key) for key in properties)
    ):
        model = {k: v for k, v in properties[DEFAULT_LANGUAGE].items() if k != "description"}
        for code in LANGUAGES:
            if code not in properties:
                properties[code] = {**model, "description": LANGUAGE_NAMES[code] + "."}
    enum = out.get("enum")
    if isinstance(enum, list) and DEFAULT_LANGUAGE in enum and all(map(_is_code, enum)):
        out["enum"] = list(LANGUAGES)
    return out
