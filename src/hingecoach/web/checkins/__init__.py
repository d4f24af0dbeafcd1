"""Sharing an athlete's check-in link: the address stays visible to the coach, with a copy
button and a QR code drawn on the server."""
