"""Loading the window's translation (.qm, compiled from resources/i18n/*.ts)."""

from PySide6.QtCore import QCoreApplication, QTranslator

from minutes_app import i18n
from minutes_app.package_data import resource_file

_installed: list[QTranslator] = []


def qm_name(language: str) -> str:
    return f"minutes_app_{language}.qm"


# Qt's own words (dialog buttons, print preview, file dialogs) in Vietnamese, which Qt does not ship.
QT_WORDS = {"vi": "qt_vi.qm"}


def install(language: str) -> None:
    """Use ``language`` for the window (Qt) and for the core's messages (i18n)."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    # The window's own sources are Vietnamese; Qt's are English.
    names = [QT_WORDS[language]] if language in QT_WORDS else []
    if language != i18n.DEFAULT_LANGUAGE:
        names.append(qm_name(language))
    for name in names:
        translator = QTranslator(app)
        if translator.load(str(resource_file("i18n", name))):
            app.installTranslator(translator)
            _installed.append(translator)
