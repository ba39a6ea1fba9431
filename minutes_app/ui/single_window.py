"""One window per archive: a second start on the same archive brings the first window forward.

The first start takes the archive's window lock (minutes_app.window_lock) and answers on a
local socket (a named pipe on Windows) named after it; a later start that finds the lock
taken asks that window to come to the front, then ends. A lock the system released when its
process died, and the socket file such a process left behind, do not stop a start.
"""

import sys
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from minutes_app.window_lock import WindowLock, channel_name

ANSWER_MS = 5000  # a window busy starting up answers within this
_ANSWER = b"ok\n"


class WindowBeacon(QObject):
    """Kept by the first window on an archive: holds the lock, and answers later starts."""

    asked = Signal()  # a later start asked for the window

    def __init__(self, lock: WindowLock | None, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.window: QWidget | None = None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if lock is not None:
            QLocalServer.removeServer(name)  # left by a killed process: the lock is ours now
        self._server.listen(name)
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.write(_ANSWER)
            socket.flush()
            socket.disconnectFromServer()
            socket.deleteLater()
            self.bring_forward()

    def bring_forward(self) -> None:
        """Show the window (or the dialog it waits on) in front of the others."""
        target = QApplication.activeModalWidget() or self.window
        if target is not None:
            if target.isMinimized():
                target.showNormal()
            target.raise_()
            target.activateWindow()
            QApplication.alert(target)  # where the system refuses the focus, the task bar flashes
        self.asked.emit()

    def close(self) -> None:
        self._server.close()
        if self.lock is not None:
            self.lock.release()


def ask_forward(name: str, timeout_ms: int = ANSWER_MS) -> bool:
    """Ask the window answering on ``name`` to come forward; False if none answered."""
    if sys.platform == "win32":  # the window asked may take the focus from this process
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            answered = socket.waitForReadyRead(timeout_ms) and socket.readAll().data() == _ANSWER
            socket.abort()
            return answered
        if time.monotonic() > deadline:  # the first window is not listening yet, or never will
            return False
        time.sleep(0.1)


def claim(url: str, parent: QObject | None = None) -> WindowBeacon | bool:
    """The beacon for the first window on ``url``; else whether the window that has the
    archive came forward when asked."""
    name = channel_name(url)
    try:
        lock = WindowLock.take(url)
    except OSError:  # no lock file beside the archive (a read-only folder): nothing to share
        return WindowBeacon(None, name, parent)
    if lock is None:
        return ask_forward(name)
    return WindowBeacon(lock, name, parent)
