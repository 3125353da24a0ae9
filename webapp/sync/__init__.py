"""Offline-first sync of a person's records (routines, sessions, flags, and any type added to
webapp/sync/schemas.py) between their devices, through their account."""
