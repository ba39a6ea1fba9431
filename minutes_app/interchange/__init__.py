"""The meeting file (interchange format ``minutes-app.meeting/1``): reading, checking, writing."""
