"""Small algorithms several stages share (one definition each; see ``tests/project/test_one_definition.py``)."""
