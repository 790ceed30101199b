"""Small algorithms several stages share (one definition each; see ``tests/test_one_definition.py``)."""
