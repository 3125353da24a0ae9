"""Routines: built-in routine pages, the player, the builder, history and shared links.

The server renders the built-in routines and the page shells; the player, the builder and the
history run in the browser on the device's own data (IndexedDB), so they work offline.
"""
