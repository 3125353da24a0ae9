"""The technique library: the card list with its filters, and each card's page."""
