"""``directory.geojson``: places whose address is public and that have a map point.

Confidential places never appear here, whatever else they have: a point on a map is an
address. Properties are flat (one key per language) so GIS tools show them as columns.
"""

from __future__ import annotations

from typing import Any

from build_tools.data.model import LANGUAGES, Directory

from .urls import SiteUrls


def build_geojson(directory: Directory, *, site_url: str) -> dict[str, Any]:
    urls = SiteUrls(site_url)
    features = []
    for entry in directory.entries:
        if not entry.address_public or entry.geo is None:
            continue
        properties: dict[str, Any] = {
            "id": entry.id,
            "status": entry.status,
            "services": list(entry.services),
            "region": entry.region,
            "locality": entry.locality,
            "phones": [phone.display for phone in entry.phones],
            "verified": entry.verified.isoformat() if entry.verified else None,
            "source": entry.source,
        }
        page_urls = urls.entry(entry.id)
        for lang in LANGUAGES:
            properties[f"name_{lang}"] = entry.name(lang)
            properties[f"address_{lang}"] = entry.address(lang) or None
            properties[f"url_{lang}"] = page_urls[lang]
        features.append(
            {
                "type": "Feature",
                "id": entry.id,
                "geometry": {"type": "Point", "coordinates": [entry.geo.lon, entry.geo.lat]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
