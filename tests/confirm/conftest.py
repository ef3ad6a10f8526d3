"""The data-stage fixtures (a writable fixture directory, an in-process command runner)."""

from tests.data.conftest import data_dir, run_cli

__all__ = ["data_dir", "run_cli"]
