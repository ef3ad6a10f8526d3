"""Allows ``python -m build_tools …``; see :mod:`build_tools.cli`.

Run with a Python that lacks the project's packages (the system's, outside ``.venv/``), a
command would stop with an import traceback; it says what to run instead.
"""

import sys

try:
    from build_tools.cli import main  # imports the packages the commands need

    sys.exit(main())
except ModuleNotFoundError as error:
    if (error.name or "").split(".")[0] == "build_tools":
        raise
    print(
        f"This Python ({sys.executable}) does not have the packages the tools need "
        f"(`{error.name}` is missing). In the repository folder, run `make build` first: it "
        "sets them up in .venv/. Then use `make validate`, `make report`, `make new-entry`, "
        "`make leaflet REGION=… LANG=…`, or `.venv/bin/python -m build_tools …`.",
        file=sys.stderr,
    )
    sys.exit(2)
