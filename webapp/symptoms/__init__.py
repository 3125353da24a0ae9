"""Symptom log pages. Entries are kept on the device (IndexedDB) and synced as `symptom_log`
records; the server renders the same page shells for everyone so they can be cached offline."""
