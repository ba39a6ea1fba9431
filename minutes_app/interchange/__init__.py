"""The meeting file (interchange format ``minutes-app.meeting/N``): reading, checking, writing."""
