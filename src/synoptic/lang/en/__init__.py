"""English language data: complete tables for the language, never the words of one story."""
