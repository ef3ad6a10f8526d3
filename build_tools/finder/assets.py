"""The finder's files beside each language's pages: scripts, data, index, offline worker."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import posixpath
import re
from pathlib import Path

import rjsmin

from build_tools import i18n
from build_tools.data.model import Directory
from build_tools.finder.site_search import site_search_files

#: The finder's own front-end files (template strings, scripts, styles, the offline worker).
COMPONENT_DIR = Path(__file__).resolve().parents[2] / "overrides" / "components" / "finder"

#: Third-party scripts taken from the installed mkdocs package at build time (never committed),
#: per language, in load order: lunr itself, then for Russian its Snowball support and
#: stemmer. Belarusian (our own stemmer) and English (lunr's own) need lunr only.
LUNR_FILES: dict[str, tuple[str, ...]] = {
    "ru": (
        "templates/search/lunr.js",
        "lunr-language/lunr.stemmer.support.js",
        "lunr-language/lunr.ru.js",
    ),
    "be": ("templates/search/lunr.js",),
    "en": ("templates/search/lunr.js",),
}
#: The finder's own scripts, after lunr, in load order: this is the one place the order is
#: written. The tokens (the index's twin) first, then the page's state that every later part
#: adds to, then one file per concern, and last the part that wires the query and fetches the
#: data. Each part is its own closure; they share ``window.HelpdirFinder`` only.
OWN_SCRIPTS: tuple[str, ...] = (
    "../open-now/open-now.js",  # the open-now rule, shared with the entry pages' hints
    "finder-tokens.js",  # words and stems as the build made them; loads the packed index
    "finder-layouts.js",  # the same keys on another keyboard layout (pure, no page)
    "finder-page.js",  # the page, its configuration, shared state and small helpers
    "finder-search.js",  # what a query finds: words in the index, digits in the numbers
    "finder-filters.js",  # region, town, kind of help, tick boxes
    "finder-results.js",  # cards (DOM text only), the list, the status line, update()
    "finder-guide.js",  # the guided questions
    "finder-offline.js",  # "keep on this device" and "remove"
    "finder-start.js",  # the query field wired, the data fetched, the first answer
)
#: The one script the directory home loads, beside the data in each language's finder/.
BUNDLE_NAME = "finder.js"


def mkdocs_search_dir() -> Path:
    """``mkdocs/contrib/search`` of the installed mkdocs, wherever the environment put it."""
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or spec.origin is None:
        raise RuntimeError("mkdocs is not installed: run `make build` to set up the environment.")
    return Path(spec.origin).parent / "contrib" / "search"


#: A block comment that names a licence or copyright holder.
_LICENCE = re.compile(r"/\*\*?(?!!)((?:(?!\*/)[\s\S])*?(?:@license|Copyright)[\s\S]*?\*/)")


def minify_script(source: str) -> str:
    """Comments and needless white space out, licence and copyright notices kept.

    lunr.js is mostly documentation comments and our own scripts are commented for the
    team; a phone on a slow connection should download neither. rjsmin only removes, never
    renames, so the code that runs is the code in the files (the finder's tests run the
    result in Chromium).
    """
    marked = _LICENCE.sub(lambda m: "/*!" + m.group(1), source)
    return rjsmin.jsmin(marked, keep_bang_comments=True)


def bundle_script(lang: str) -> str:
    """lunr (with Russian support for Russian) and the finder's scripts, as one minified file.

    One request instead of five matters more on a slow connection than the bytes it saves.
    """
    search = mkdocs_search_dir()
    files = LUNR_FILES.get(lang, LUNR_FILES["en"])  # a language without a stemmer: lunr only
    sources = [(search / rel).read_text(encoding="utf-8") for rel in files]
    sources += [(COMPONENT_DIR / name).read_text(encoding="utf-8") for name in OWN_SCRIPTS]
    return ";\n".join(minify_script(source).strip().rstrip(";") for source in sources) + ";\n"


#: The offline worker's source; written, with the build id, to the site root as WORKER_NAME.
WORKER_SOURCE = COMPONENT_DIR / "offline-worker.js"
WORKER_NAME = "sw.js"
NOTICES_SCRIPT = "components/notices/notices.js"
GUIDE_FILE = Path(__file__).resolve().parents[2] / "directory_data" / "guide.yml"


def root_from_directory_page(lang: str) -> str:
    """From ``<language root>/directory/`` up to the site root, where the worker lives."""
    return "../" if i18n.url_prefix(lang) == "" else "../../"


#: The last model hashed and its id: every language's page and data ask for the same build's.
_last_build_id: tuple[Directory, str] | None = None


def build_id(directory: Directory) -> str:
    """Changes whenever the data or the finder's own files change; names the offline caches.

    The same in every language (one worker serves them all), so it hashes the whole model
    rather than one language's output. Each build loads its model anew, so the id is worked
    out once per build and kept for the other languages' pages and files.
    """
    global _last_build_id
    if _last_build_id is not None and _last_build_id[0] is directory:
        return _last_build_id[1]
    value = _hash_build(directory)
    _last_build_id = (directory, value)
    return value


def _hash_build(directory: Directory) -> str:
    digest = hashlib.sha256()
    digest.update(repr((directory.regions, directory.services, directory.entries)).encode())
    scripts = {COMPONENT_DIR / name for name in OWN_SCRIPTS} | set(COMPONENT_DIR.glob("*.js"))
    for path in sorted(scripts) + [GUIDE_FILE]:
        digest.update(path.read_bytes())
    for names in LUNR_FILES.values():
        digest.update(repr(names).encode())
    return digest.hexdigest()[:12]


def write_language_assets(directory: Directory, lang: str, site_dir: Path) -> None:
    from build_tools.finder import index, records

    target = site_dir / "finder"
    target.mkdir(parents=True, exist_ok=True)
    (target / BUNDLE_NAME).write_text(bundle_script(lang), encoding="utf-8")
    entries = records.published(directory)
    build = build_id(directory)
    data = {
        "v": build,
        **records.build_records(directory, lang, entries),
        "x": index.build_index(directory, lang, entries),
    }
    (target / "data.json").write_text(_compact(data), encoding="utf-8")
    manifest = offline_manifest(directory, lang, site_dir, build)
    (target / "offline.json").write_text(_compact(manifest), encoding="utf-8")
    if i18n.url_prefix(lang) == "":
        source = WORKER_SOURCE.read_text(encoding="utf-8")
        (site_dir / WORKER_NAME).write_text(
            source.replace("__HELPDIR_BUILD__", build), encoding="utf-8"
        )


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_LINKED = re.compile(r"""(?:src|href)=["']([^"'#?]+\.(?:css|js|svg|png|ico|webmanifest))["']""")


def offline_manifest(
    directory: Directory, lang: str, site_dir: Path, build: str
) -> dict[str, object]:
    """What "keep on this device" stores, as URLs relative to ``finder/offline.json``.

    ``urls`` must all be stored (the language's directory pages, the files they link to, the
    finder's own files, the site search's files); ``optional`` are stored when they exist (the
    leaflets, which a build may skip).
    """
    # Paths from the language root first; one URL each (the Cache API refuses duplicates).
    paths = ["finder/data.json", f"finder/{BUNDLE_NAME}"]
    for page in sorted(site_dir.glob("directory/**/index.html")):
        paths.append(page.parent.relative_to(site_dir).as_posix() + "/")
    home = site_dir / "directory" / "index.html"
    if home.exists():
        for found in _LINKED.findall(home.read_text(encoding="utf-8")):
            if "//" in found:
                continue
            resolved = posixpath.normpath(posixpath.join("directory", found))
            if not resolved.startswith("..") and (site_dir / resolved).is_file():
                paths.append(resolved)
    # Notices on an entry's page need their script even when the home has none.
    if (site_dir / NOTICES_SCRIPT).is_file():
        paths.append(NOTICES_SCRIPT)
    # Material's site search starts at first use, which may come offline.
    paths += site_search_files(site_dir)
    urls = ["../" + path for path in dict.fromkeys(paths)]
    leaflet_root = "../../" if i18n.url_prefix(lang) == "" else "../../../"
    optional = [f"{leaflet_root}leaflets/{lang}/{r.id}.pdf" for r in directory.regions]
    optional.append(f"{leaflet_root}leaflets/{lang}/national.pdf")
    # Free places today: the worker keeps the latest copy it has seen (offline-worker.js).
    optional.append(root_from_directory_page(lang) + "data/status.json")
    return {"v": build, "lang": lang, "urls": urls, "optional": optional}
