"""Health content: technique cards and learn pages, loaded from `content/` into the database."""
