"""Safety on what the build writes: the raw-HTML policy for editors' pages, the scan for
other-origin loads, the security headers (CSP and friends) for hosts that allow headers, and
the refusal of files from outside the repository's folders."""

from __future__ import annotations

from build_tools.safety import inside
from build_tools.safety.origin_scan import scan_files, scan_site
from build_tools.safety.policy import META_CSP, write_headers
from build_tools.safety.sanitise import sanitise_html

__all__ = ["META_CSP", "inside", "sanitise_html", "scan_files", "scan_site", "write_headers"]
