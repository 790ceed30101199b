"""synoptic: reconcile many news reports of the same events, with provenance for every line."""

__version__ = "0.1.0"
