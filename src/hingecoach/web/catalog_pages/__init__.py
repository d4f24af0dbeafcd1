"""Catalog pages (the ladder and one page per exercise) and the display helpers every page uses."""
