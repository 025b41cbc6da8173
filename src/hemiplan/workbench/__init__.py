"""The review workbench: ``hemiplan review --year Y --serve`` serves a year's drafts on
127.0.0.1 to review in a browser, beside their sentences, through the same validator,
accept, remove and transactional writer as the command line (:mod:`.server`)."""
