"""Stage 1, text → structure: file readers, the report splitter, sentences, numbers, dates
of holding, member states and dependencies in a sentence, in English or in a language
whose words are in the lexicon (``lexicon``, ``lexical``, ``lexical_dates``). Imports
nothing of hemiplan's but ``paths``."""
