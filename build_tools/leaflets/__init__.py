"""Printable leaflets and wallet cards, generated from the directory.

``build_leaflets`` makes every PDF a build publishes; ``catalogue_html`` lists them on the
publications page; ``build_custom`` makes one leaflet for the ``leaflet`` command.
"""

from __future__ import annotations

from .build import LeafletInfo, build_custom, build_leaflets
from .catalogue import catalogue_html
from .pdf import LeafletError

__all__ = ["LeafletError", "LeafletInfo", "build_custom", "build_leaflets", "catalogue_html"]
