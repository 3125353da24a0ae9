"""The JSON API under /api/v1 (described in openapi.json, served at /api/v1/openapi.json)."""
