"""The helpdir plugin's options (``plugins: - helpdir:`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class LanguageOptions(base.Config):
    name = opt.Type(str)
    """The language's own name, shown in the language switcher."""
    site_name = opt.Optional(opt.Type(str))
    """The site's name in this language (the header and the <title>)."""


class HelpDirectoryConfig(base.Config):
    data_dir = opt.Type(str, default="directory_data")
    """The directory data (regions.yml, services.yml, entries/), relative to mkdocs.yml."""
    publish = opt.Type(bool, default=False)
    """The publishing build: sample entries stop it unless ``allow_samples`` is set."""
    allow_samples = opt.Type(bool, default=False)
    """Let a publishing build include entries marked ``status: sample`` (badged)."""
    stale_months = opt.Type(int, default=12)
    """Entries verified longer ago than this are listed as stale in the build's report."""
    languages = opt.DictOfItems(opt.SubConfig(LanguageOptions))
    """Site languages in order, the default first; its pages live at the site root."""
    leaflets = opt.Type(bool, default=True)
    """Make the printable PDF leaflets (the slowest stage; ``make serve`` may switch it off)."""
    quick_exit_url = opt.Type(str, default="https://www.wikipedia.org/")
    """Where the quick-exit button leads: a widely used, neutral, non-personalised site."""
    status_max_age_hours = opt.Type(int, default=48)
    """A free-places report older than this many hours shows as "unknown — call to ask" (judged
    on the visitor's device)."""
