"""``make bench``: the project's claims about speed and size, measured in one run.

See ``__main__`` for what is measured and docs/benchmark.md for the last report.
"""
