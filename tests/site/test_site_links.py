"""``site:`` links in editors' Markdown become relative links to the site root."""

from build_tools.site_links import resolve_site_links


def test_a_russian_page_one_level_down() -> None:
    html = '<a href="site:data/directory.json">feed</a>'
    assert resolve_site_links(html, "open-data/") == '<a href="../data/directory.json">feed</a>'


def test_a_belarusian_page_two_levels_down() -> None:
    html = '<a href="site:leaflets/be/brest.pdf">x</a>'
    assert (
        resolve_site_links(html, "be/open-data/") == '<a href="../../leaflets/be/brest.pdf">x</a>'
    )


def test_the_home_page_and_other_links_untouched() -> None:
    html = '<a href="site:data/x.csv">a</a> <a href="https://example.org/">b</a>'
    assert (
        resolve_site_links(html, "")
        == '<a href="data/x.csv">a</a> <a href="https://example.org/">b</a>'
    )


def test_climbing_out_of_the_site_is_not_resolved() -> None:
    html = '<a href="site:../secret">a</a>'
    assert resolve_site_links(html, "about/") == html
