"""The web viewer and HTTP API: ``synoptic.web.app.create_app(db)``, served by ``synoptic serve``."""
