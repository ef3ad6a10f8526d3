"""Nothing from outside the repository's folders is read (issue 19, defect 3): symbolic links
and ``../`` paths in the pages, the directory data and an imported HSDS package are refused
on a real file system, with a message that names the path and never what the target holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.safety.inside import links_below, outside_reason
from tests.paths import EXTERNAL, FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

PASSWD = Path("/etc/passwd")
#: A line /etc/passwd always holds: it must never appear in a message.
PASSWD_LINE = "root:x:0:0"


def test_links_and_dotdot_paths_are_refused_and_plain_files_are_not(tmp_path: Path) -> None:
    """Issue 19, defect 3: the one rule, on a real file system."""
    folder = tmp_path / "package"
    (folder / "sub").mkdir(parents=True)
    (folder / "plain.csv").write_text("id\n1\n", encoding="utf-8")
    (folder / "sub" / "inner.csv").write_text("id\n1\n", encoding="utf-8")
    (folder / "passwd.csv").symlink_to(PASSWD)
    (folder / "inside.csv").symlink_to(folder / "plain.csv")  # a link back inside: refused too
    (folder / "etc").symlink_to("/etc")
    assert outside_reason(Path("plain.csv"), folder) is None
    assert outside_reason(Path("sub/inner.csv"), folder) is None
    assert outside_reason(Path("sub/../plain.csv"), folder) is None
    assert outside_reason(Path("passwd.csv"), folder) == "it is a symbolic link"
    assert outside_reason(Path("inside.csv"), folder) == "it is a symbolic link"
    assert outside_reason(Path("etc/passwd"), folder) == (
        f"{folder / 'etc'} on its way is a symbolic link"
    )
    outside = f"the path leads outside {folder}"
    assert outside_reason(Path("../../../../etc/passwd"), folder) == outside
    assert outside_reason(PASSWD, folder) == outside
    assert links_below(folder) == [folder / "etc", folder / "inside.csv", folder / "passwd.csv"]


def test_an_entry_linked_to_etc_passwd_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, defect 3: ``validate`` names the link; no line of the target is printed."""
    data = tmp_path / "directory_data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    link = data / "entries" / "brest" / "passwd.yml"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(PASSWD)
    (data / "entries" / "elsewhere").symlink_to("/etc")
    code = main(["validate", str(data)])
    output = capsys.readouterr()
    text = output.out + output.err
    assert code == 1
    assert f"{link}:1:1: not read: it is a symbolic link" in text
    assert f"{data / 'entries' / 'elsewhere'}:1:1: not read: it is a symbolic link" in text
    assert "instead of a link" in text
    assert PASSWD_LINE not in text and "/bin/" not in text


def test_regions_linked_from_outside_are_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, defect 3: the lists beside the entries follow the same rule."""
    data = tmp_path / "directory_data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    (data / "regions.yml").unlink()
    (data / "regions.yml").symlink_to(PASSWD)
    assert main(["validate", str(data)]) == 1
    text = capsys.readouterr().out
    assert f"{data / 'regions.yml'}:1:1: not read: it is a symbolic link" in text
    assert PASSWD_LINE not in text


def test_a_page_linked_to_the_environment_does_not_build(tmp_path: Path) -> None:
    """Issue 19, defect 3: ``content/ru/env.md -> /proc/self/environ`` stops the build before
    anything is written, and the environment's values appear nowhere."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "ru" / "env.md").symlink_to("/proc/self/environ")
    (content / "en" / "shared").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    canary = "canary-value-8c1f2e"
    result = build_site(
        tmp_path / "work",
        data_dir=FIXTURE_DIRECTORY,
        content_dir=content,
        leaflets=False,
        env={"HELPDIR_TEST_CANARY": canary},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"{content / 'ru' / 'env.md'}:1:1: not read: it is a symbolic link" in output
    assert f"{content / 'en' / 'shared'}:1:1: not read: it is a symbolic link" in output
    assert canary not in output and "Traceback" not in output
    assert not (tmp_path / "work" / "site").exists()


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "package"
    shutil.copytree(EXTERNAL / "hsds" / "hsds1.1-sample-datapackage" / "simple", package)
    return package


def _import(package: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["import-hsds", str(package), "--data", str(FIXTURE_DIRECTORY), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_datapackage_path_out_of_the_package_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, defect 3: a resource ``../../../../etc/passwd`` is neither read nor shown."""
    package = _package(tmp_path)
    described = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    described["resources"][0]["path"] = "../../../../etc/passwd"
    (package / "datapackage.json").write_text(json.dumps(described), encoding="utf-8")
    out = tmp_path / "review"
    code, text = _import(package, out, capsys)
    assert code == 1
    assert f"{package}/../../../../etc/passwd: not read: the path leads outside" in text
    assert PASSWD_LINE not in text
    assert not (out / "import-report.txt").exists()


def test_a_csv_linked_from_outside_the_package_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, defect 3: the same for a CSV file that is a symbolic link."""
    package = _package(tmp_path)
    (package / "phones.csv").unlink()
    (package / "phones.csv").symlink_to(PASSWD)
    out = tmp_path / "review"
    code, text = _import(package, out, capsys)
    assert code == 1
    assert f"{package / 'phones.csv'}: not read: it is a symbolic link" in text
    assert PASSWD_LINE not in text
    assert not (out / "import-report.txt").exists()
