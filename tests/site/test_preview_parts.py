"""The live preview's parts without a server: what a failed build shows, and the reload script."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.exceptions import Abort, PluginError

from build_tools.data.errors import Problem
from build_tools.preview import allow_reload_script, describe, error_page
from build_tools.stages import DataProblemsError

CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    "script-src 'self'; style-src 'self'\">"
)


def _raised_in_a_build(error: BaseException) -> Abort:
    """How MkDocs hands a failure on: it raises Abort while handling the original error."""
    try:
        try:
            raise error
        except Exception:
            # MkDocs raises it inside its handler, so the original error is its __context__.
            raise Abort("Aborted with a BuildError!")  # noqa: B904
    except Abort as abort:
        return abort


def test_data_problems_are_shown_as_validate_lists_them() -> None:
    problem = Problem("directory_data/entries/brest/x.yml", 10, 9, "region", "no such", "fix it")
    failure = describe(_raised_in_a_build(DataProblemsError([problem])), ["ERROR: stopped"])
    assert failure.text == (
        "directory_data/entries/brest/x.yml (1 error, 0 warnings)\n"
        "  directory_data/entries/brest/x.yml:10:9: region: no such — fix it"
    )
    assert failure.unprinted == ""  # the plugin printed it already


def test_a_template_error_names_the_file_and_line() -> None:
    env = jinja2.Environment()
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        env.parse("<p>\n{% if %}\n", filename="/site/overrides/main.html")
    failure = describe(_raised_in_a_build(caught.value), [])
    assert failure.text.startswith("/site/overrides/main.html:2: ")
    assert failure.unprinted == failure.text


def test_a_strict_mode_stop_shows_the_warnings_that_caused_it() -> None:
    logged = ["WARNING: Doc file 'about.md' contains a link 'missing.md', but it is not found"]
    failure = describe(Abort("Aborted with 1 warnings in strict mode!"), logged)
    assert failure.text.splitlines() == [*logged, "Aborted with 1 warnings in strict mode!"]
    assert failure.unprinted == "Aborted with 1 warnings in strict mode!"


def test_a_plugin_error_is_shown_as_mkdocs_logged_it() -> None:
    logged = ["ERROR: The guided path cannot be built:\n  guide.yml:41: next: no step"]
    failure = describe(_raised_in_a_build(PluginError("The guided path …")), logged)
    assert failure.text == logged[0] and failure.unprinted == ""


def test_the_error_page_escapes_what_it_shows() -> None:
    page = error_page("x.yml:1:1: name: `<script>` is not allowed")
    assert "<pre>x.yml:1:1: name: `&lt;script&gt;` is not allowed</pre>" in page
    assert "`<script>`" not in page


def test_only_the_reload_script_gets_the_nonce() -> None:
    page = (
        f"<html><head>{CSP}</head><body><script>var site = 1;</script>"
        '<script>livereload(1, 2); req.open("GET", "/livereload/" + epoch)</script></body></html>'
    ).encode()
    out = allow_reload_script(page).decode()
    nonce = out.split('<script nonce="')[1].split('"')[0]
    script_src = out.split("script-src")[1].split(";")[0].split()
    assert sorted(script_src) == sorted(["'self'", f"'nonce-{nonce}'"])
    assert "<script>var site = 1;</script>" in out  # the site's own inline script stays blocked
    assert out.count("nonce=") == 1
    assert allow_reload_script(page).decode() != out  # a fresh nonce per page


def test_a_page_without_the_reload_script_is_left_alone() -> None:
    page = f"<html><head>{CSP}</head><body><script src='x.js'></script></body></html>".encode()
    assert allow_reload_script(page) == page
