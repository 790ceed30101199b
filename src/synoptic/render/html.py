"""The brief as a static, self-contained HTML page (and the index page of all stories).

The page is the viewer's own story page (``synoptic/web/templates/story.html``, through
:mod:`synoptic.web.pages`), written as one file: its stylesheet inline, a Content-Security-Policy
meta tag that forbids script and any request, links to an article's page turned into links to its
text further down. Everything that comes from an article is escaped by Jinja2's autoescape; links
out are kept only when they are http(s).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from synoptic.render import BriefLike


def render(brief: BriefLike, articles: Mapping[str, Mapping[str, object]] | None = None) -> str:
    """The brief (a record, or its schema JSON) as one HTML page; ``articles`` (id -> {"title","outlet","url","text"})
    adds each source's text with the cited spans marked."""
    from synoptic.web.pages import static_story

    return static_story(brief, articles)


def render_index(stories: Sequence[Mapping[str, object]]) -> str:
    """The index page: every story with its sources, dates and conflicts, linked to its page
    (``stories``: the index's JSON rows, ``pipeline.story_summary``)."""
    from synoptic.web.pages import static_index

    return static_index(stories)
