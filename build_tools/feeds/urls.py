"""Public addresses of pages and files, as printed on paper (see the URL scheme in DESIGN)."""

from __future__ import annotations

from build_tools.data.model import LANGUAGES
from build_tools.i18n import url_prefix


class SiteUrls:
    """Absolute URLs under the published ``site_url``; feeds leave the site, so no relative ones."""

    def __init__(self, site_url: str) -> None:
        self.base = site_url.rstrip("/") + "/" if site_url else "/"

    def page(self, lang: str, path: str) -> str:
        return f"{self.base}{url_prefix(lang)}{path}"

    def per_language(self, path: str) -> dict[str, str]:
        return {lang: self.page(lang, path) for lang in LANGUAGES}

    def entry(self, entry_id: str) -> dict[str, str]:
        return self.per_language(f"directory/{entry_id}/")

    def region(self, region_id: str) -> dict[str, str]:
        return self.per_language(f"directory/regions/{region_id}/")

    def service(self, service_id: str) -> dict[str, str]:
        return self.per_language(f"directory/services/{service_id}/")

    def data(self, name: str) -> str:
        return f"{self.base}data/{name}"
