"""Biên bản hội nghị: record a meeting once, produce its minutes and its news article."""

__version__ = "0.1.0"

APP_NAME = "Biên bản hội nghị"
APP_NAME_EN = "Meeting Minutes"
# Folder name for the user data (archive, backups) and for settings.
APP_ID = "minutes-app"
# The desktop entry's and AppStream's id (packaging/linux/), which Wayland and task bars
# match the running window to.
DESKTOP_ID = "vn.bienbanhoinghi.MinutesApp"
