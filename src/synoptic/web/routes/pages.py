"""The HTML pages: the story list, a story, an article, the entities and the upload form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi import HTTPException as FastAPIHTTPException
from fastapi.responses import HTMLResponse, Response

from synoptic.web import service, views
from synoptic.web.deps import SettingsDep, StoreDep, ViewerDep
from synoptic.web.http import MAX_REQUEST_BYTES
from synoptic.web.service import (
    MAX_FIELD_CHARS,
    MAX_ID_CHARS,
    MAX_OFFSET,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    MAX_UPLOAD_FILES,
)

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def page_stories(
    request: Request,
    store: StoreDep,
    viewer: ViewerDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    body = service.story_list_body(viewer, store, q, service.check_day(since, "since"),
                                   service.check_day(until, "until"), offset)
    return service.send(request, body)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def page_story(request: Request, store: StoreDep, viewer: ViewerDep, story_id: str) -> Response:
    return service.send(request, service.story_page_body(viewer, store, story_id))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def page_article(
    store: StoreDep,
    viewer: ViewerDep,
    article_id: str,
    start: Annotated[int | None, Query(ge=0, le=100_000_000)] = None,
    end: Annotated[int | None, Query(ge=0, le=100_000_000)] = None,
    story: Annotated[str | None, Query(max_length=MAX_ID_CHARS)] = None,
) -> HTMLResponse:
    article = service.load_article(store, article_id)
    extraction = store.get_extraction(article.id)
    focus = views.clamp_span(article.text, start, end)
    sentence = views.sentence_around(article.text, *focus) if focus else None
    body = views.highlight(article.text, views.extraction_marks(extraction), focus, sentence)
    counts = {
        "entities": len(extraction.mentions) if extraction else 0,
        "figures": len(extraction.figures) if extraction else 0,
        "quotes": len(extraction.quotes) if extraction else 0,
        "dates": len(extraction.dates) if extraction else 0,
    }
    in_story = service.story_of(store, article.id, story)
    published, how = service.article_date(store, article, in_story)
    return service.page(viewer, "article.html", article=article, body=body, counts=counts, focus=focus,
                        story=in_story, published=published, published_how=how,
                        title=article.title or f"Article {article.id}")


@router.get("/entities", response_class=HTMLResponse)
def page_entities(store: StoreDep, viewer: ViewerDep,
                  q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse:
    rows, titles = service.entities(viewer, store)
    if q and q.strip():
        rows = [r for r in rows if views.entity_matches(r, q.strip())]
    return service.page(viewer, "entities.html", rows=rows[:MAX_PAGE_SIZE], total=len(rows), q=q or "",
                        title="Entities", story_titles=titles)


@router.get("/upload", response_class=HTMLResponse)
def page_upload(viewer: ViewerDep, settings: SettingsDep) -> HTMLResponse:
    if not settings.allow_ingest:
        raise FastAPIHTTPException(403, service.READ_ONLY)
    return service.page(viewer, "upload.html", result=None, title="Add articles",
                        max_mb=MAX_REQUEST_BYTES // (1024 * 1024), max_files=MAX_UPLOAD_FILES)


@router.post("/upload", response_class=HTMLResponse)
async def page_upload_post(
    request: Request,
    viewer: ViewerDep,
    files: Annotated[list[UploadFile | str] | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    outlet: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    url: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
) -> HTMLResponse:
    result = await service.ingest_request(request, viewer, files, text, title, outlet, url)
    return service.page(viewer, "upload.html", result=result, title="Add articles",
                        max_mb=MAX_REQUEST_BYTES // (1024 * 1024), max_files=MAX_UPLOAD_FILES)
