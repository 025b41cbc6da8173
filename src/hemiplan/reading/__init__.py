"""Stage 1, text → structure: file readers, the report splitter, sentences, numbers, dates
of holding, member states and dependencies in a sentence. Imports nothing of hemiplan's
but ``paths``."""
