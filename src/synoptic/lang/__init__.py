"""Language data, kept apart from the algorithms that read it (as spaCy's ``spacy/lang/``).

One package per language; each module holds one complete table (number words, units, currencies,
speech verbs, titles...). Pipeline code imports these tables and carries no word lists of its own.
"""
