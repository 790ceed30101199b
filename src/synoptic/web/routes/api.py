"""The JSON API under ``/api/`` (described at ``/openapi.json``).

The routes work with records (``service``, ``views``) and turn them into JSON only here: into the
response models below, or (a brief, an article) into the documented JSON body.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from synoptic.web import service, views
from synoptic.web.deps import SettingsDep, StoreDep, ViewerDep
from synoptic.web.http import ERROR_CODES
from synoptic.web.service import (
    DEFAULT_PAGE_SIZE,
    MAX_FIELD_CHARS,
    MAX_ID_CHARS,
    MAX_OFFSET,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
)

router = APIRouter(prefix="/api", tags=["api"])


# ------------------------------------------------------------------ models (for /openapi.json)


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class StoryItem(BaseModel):
    id: str
    title: str
    sources: int
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    conflicts: int
    facts: int


class StoryPage(BaseModel):
    items: list[StoryItem]
    limit: int
    offset: int
    next_offset: int | None


class EntityItem(BaseModel):
    name: str
    type: str
    variants: list[str]
    stories: list[str]
    articles: int


class EntityPage(BaseModel):
    items: list[EntityItem]
    total: int
    limit: int
    offset: int


class Health(BaseModel):
    status: str
    articles: int
    stories: int
    ingest: bool


class IngestedItem(BaseModel):
    id: str
    title: str | None
    status: str


class SkippedItem(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    added: list[IngestedItem]
    skipped: list[SkippedItem]
    stories: list[str]


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorBody, "description": name.replace("_", " ")}
    for code, name in ERROR_CODES.items() if code in (400, 404, 422)
}


# ------------------------------------------------------------------ routes


@router.get("/health", response_model=Health)
def api_health(store: StoreDep, settings: SettingsDep) -> Health:
    """Whether the store can be read, with its counts."""
    return Health(status="ok", articles=store.count_articles(), stories=store.count_stories(),
                  ingest=settings.allow_ingest)


@router.get("/stories", response_model=StoryPage, responses=ERROR_RESPONSES)
def api_stories(
    store: StoreDep,
    viewer: ViewerDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="full-text search")] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> StoryPage:
    """Stories, newest first; ``q`` searches the articles' full text; ``since``/``until`` filter by date."""
    rows, next_offset, _ = service.list_stories(viewer, store, q, service.check_day(since, "since"),
                                                service.check_day(until, "until"), limit, offset)
    items = [StoryItem(id=r.id, title=r.title, sources=r.sources, outlets=list(r.outlets), first_seen=r.first,
                       last_seen=r.last, conflicts=r.conflicts, facts=r.facts) for r in rows]
    return StoryPage(items=items, limit=limit, offset=offset, next_offset=next_offset)


@router.get("/stories/{story_id:path}", responses=ERROR_RESPONSES)
def api_story(request: Request, store: StoreDep, viewer: ViewerDep,
              story_id: Annotated[str, PathParam(max_length=MAX_ID_CHARS)]) -> Response:
    """A story's brief (schema ``synoptic.brief/1``, see docs/brief-schema.md)."""
    return service.send(request, service.brief_body(viewer, store, story_id))


@router.get("/articles/{article_id:path}", responses=ERROR_RESPONSES, response_model=dict[str, object])
def api_article(store: StoreDep, article_id: Annotated[str, PathParam(max_length=MAX_ID_CHARS)]) -> Response:
    """An article: raw and cleaned text, the lines cleaning removed (with reasons), its extraction."""
    article = service.load_article(store, article_id)
    extraction = store.get_extraction(article.id)
    return JSONResponse(service.article_json(article, service.plain(extraction) if extraction is not None else None))


@router.get("/entities", response_model=EntityPage, responses=ERROR_RESPONSES)
def api_entities(
    store: StoreDep,
    viewer: ViewerDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="name or variant contains")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EntityPage:
    """Entities across every story, with all their spellings; most widely reported first."""
    rows, _ = service.entities(viewer, store)
    if q and q.strip():
        rows = [r for r in rows if views.entity_matches(r, q.strip())]
    items = [EntityItem(name=r.name, type=r.type, variants=list(r.variants), stories=list(r.stories),
                        articles=r.articles) for r in rows[offset:offset + limit]]
    return EntityPage(items=items, total=len(rows), limit=limit, offset=offset)


@router.post("/ingest", response_model=IngestResult, responses={
    **ERROR_RESPONSES, 403: {"model": ErrorBody, "description": "ingest not allowed"},
    413: {"model": ErrorBody, "description": "too large"}})
async def api_ingest(
    request: Request,
    viewer: ViewerDep,
    files: Annotated[list[UploadFile | str] | None, File(description="article files")] = None,
    text: Annotated[str | None, Form(description="pasted article text")] = None,
    title: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    outlet: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    url: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
) -> IngestResult:
    """Add articles (uploaded files and/or pasted text), regroup stories and rebuild changed briefs.

    Only when the server runs with ``--allow-ingest``; 403 otherwise.
    """
    report = await service.ingest_request(request, viewer, files, text, title, outlet, url)
    return IngestResult(added=[IngestedItem(id=a.id, title=a.title, status=a.status) for a in report.added],
                        skipped=[SkippedItem(source=s.source, reason=s.reason) for s in report.skipped],
                        stories=list(report.stories))
