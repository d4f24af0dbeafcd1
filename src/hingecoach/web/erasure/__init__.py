"""Erasing an athlete: one service above the athletes and clips apps (and the audit
trail), called by the erase page and the API. Neither app imports the other to erase."""
