"""A head coach downloads the team's data (``web/transfer.py``'s team file) from Settings."""
