"""The Qt layer: the only part of the app that imports PySide6."""
