"""The viewer's routers: ``api`` (JSON under ``/api/``), ``pages`` (HTML) and ``errors`` (handlers)."""
