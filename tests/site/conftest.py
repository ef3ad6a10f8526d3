"""The live preview fixture for the tests of this folder (see serving.py)."""

from tests.site.serving import served

__all__ = ["served"]
