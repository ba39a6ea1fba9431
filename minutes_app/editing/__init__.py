"""Editing one meeting: typed operations with undo, and autosave on a background thread.

No Qt here: the window (minutes_app.ui) calls these functions and listens to the
editor's events, like any other front end could.
"""
