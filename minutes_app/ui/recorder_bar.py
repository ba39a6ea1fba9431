"""The meeting window's recorder and player: a toolbar, the Audio menu and their keys.

Recording and replay run in the audio process (minutes_app.audio.worker); this bar sends
it commands and shows, ten times a second, what it last reported: the level, the time
recorded, the place being played. Speeches get their place in the audio from their time
of day (Ctrl+Enter stamps it to the second); the log shows how long each one lasted and
highlights the one being played.

Keys: Ctrl+R record / pause, Ctrl+Shift+R stop; F5 replay the current speech from 3 s
before its start, F6 pause / go on, F7 and F8 back and forward 5 s, F9 the next speed;
Ctrl+Shift+Enter sets the current speech's start to the place being played.
"""

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from minutes_app.archive import Archive
from minutes_app.audio import store, timeline
from minutes_app.audio.client import AudioClient, Status
from minutes_app.editing.editor import FieldChanged, RowInserted, RowMoved, RowRemoved
from minutes_app.i18n import app_name, language
from minutes_app.model import AudioSource, AudioState, Speech
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.dates import qt_datetime
from minutes_app.ui.proceedings_tab import ProceedingsTab
from minutes_app.ui.settings import Settings

TICK_MS = 100
PRESTART_MS = 3000
BEFORE_SECONDS = 3.0  # a speech is replayed from a little before its stamp
JUMP_SECONDS = 5.0
SPEEDS = (1.0, 1.25, 1.5, 2.0)
METER_FLOOR = -60.0  # dBFS shown as an empty meter
PLAYING = QColor("#ffe08a")
RECORDING_STYLE = "QLabel { background: #c62828; color: white; font-weight: bold; padding: 2px 8px; }"
PAUSED_STYLE = "QLabel { background: #ef6c00; color: white; font-weight: bold; padding: 2px 8px; }"


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def speed_text(speed: float) -> str:
    return f"{speed:g}×".replace(".", ",") if language() == "vi" else f"{speed:g}×"


class PlayingRow(QStyledItemDelegate):
    """Paints the row of the speech being played in a colour of its own."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.row = -1

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.row() == self.row:
            # In its colour even when selected (it usually is: the speech being summarised).
            option.backgroundBrush = QBrush(PLAYING)
            option.palette.setColor(QPalette.ColorRole.Highlight, PLAYING)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, QColor("black"))
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


class AudioPanel(QObject):
    def __init__(
        self, window: QMainWindow, archive: Archive, bridge: EditorBridge, proceedings: ProceedingsTab,
        settings: Settings,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.archive = archive
        self.editor = bridge.editor
        self.proceedings = proceedings
        self.settings = settings
        self.meeting_id = self.editor.meeting.id
        # What the audio process uses: the devices chosen in Settings (tests put a file and
        # a null output here before the first use).
        self.input_spec: dict[str, Any] = {"device": settings.audio_input or None}
        self.output_spec: dict[str, Any] = {"device": settings.audio_output or None}
        self.client: AudioClient | None = None
        self.segments = store.segments(archive.engine, self.meeting_id)
        self.status = Status()
        self._revision = -1
        self._spans: dict[int, timeline.Span] = {}  # id() of a speech: its stretch of audio
        self._dirty = True
        self._ticks = 0
        self._opening = False  # asked to record, the first sound not yet heard
        self._shown: tuple[Status, bool] | None = None  # what the bar shows

        self.toolbar = QToolBar(self.tr("Ghi âm và nghe lại"), window)
        self.toolbar.setObjectName("audio")
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._build_actions()
        self._build_bar()
        self._build_menu()

        self.delegate = PlayingRow(self)
        proceedings.table.setItemDelegate(self.delegate)
        proceedings.speaking_time = self.speaking_time_text
        bridge.changed.connect(self._editor_changed)

        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()
        if self._was_interrupted():
            QTimer.singleShot(0, self, self.continue_recording)
        elif self.editor.meeting.starts_at.date() == date.today():
            # A meeting held today is likely to be recorded: Ctrl+R should not wait for the
            # audio process to start.
            QTimer.singleShot(PRESTART_MS, self, self._prestart)

    # --- building ------------------------------------------------------------------

    def _action(self, text: str, slot: Any, *keys: str, short: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if short is not None:
            action.setIconText(short)  # what the toolbar shows
        if keys:
            action.setToolTip(f"{action.text().replace('&', '')} ({keys[0]})")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.record_action = self._action(self.tr("● &Ghi âm"), self.toggle_recording, "Ctrl+R")
        self.stop_action = self._action(self.tr("■ &Dừng ghi âm"), self.stop_recording, "Ctrl+Shift+R",
                                        short=self.tr("■ Dừng"))
        self.replay_action = self._action(self.tr("▶ &Nghe lại ý kiến"), self.replay_current, "F5",
                                          short=self.tr("▶ Nghe lại"))
        self.pause_action = self._action(self.tr("Tạm dừng / nghe &tiếp"), self.toggle_playing, "F6", short="❚❚")
        self.back_action = self._action(self.tr("Lùi 5 giây"), lambda: self.seek(-JUMP_SECONDS), "F7",
                                        short=self.tr("« 5 giây"))
        self.forward_action = self._action(self.tr("Tới 5 giây"), lambda: self.seek(JUMP_SECONDS), "F8",
                                           short=self.tr("5 giây »"))
        self.speed_action = self._action(self.tr("Đổi &tốc độ nghe"), self.next_speed, "F9")
        self.start_here_action = self._action(
            self.tr("Ý kiến &bắt đầu từ đây"), self.start_here, "Ctrl+Shift+Return", "Ctrl+Shift+Enter")
        self.attach_action = self._action(self.tr("&Gắn tệp ghi âm có sẵn…"), self.attach)
        self.summary_action = self._action(self.tr("&Thời gian phát biểu…"), self.show_summary)
        self.delete_action = self._action(self.tr("&Xóa ghi âm của cuộc họp…"), self.delete_audio)

    def _build_bar(self) -> None:
        bar = self.toolbar
        self.indicator = QLabel()
        self.indicator.setAccessibleName(self.tr("Trạng thái ghi âm"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedWidth(90)
        self.meter.setAccessibleName(self.tr("Mức âm thanh"))
        self.elapsed = QLabel("00:00:00")
        self.elapsed.setAccessibleName(self.tr("Thời gian đã ghi"))
        self.speed = QComboBox()
        self.speed.setAccessibleName(self.tr("Tốc độ nghe lại"))
        for speed in SPEEDS:
            self.speed.addItem(speed_text(speed), speed)
        self.speed.activated.connect(lambda index: self.set_speed(SPEEDS[index]))
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Chỗ đang nghe"))
        bar.addAction(self.record_action)
        bar.addAction(self.stop_action)
        bar.addWidget(self.indicator)
        bar.addWidget(self.meter)
        bar.addWidget(self.elapsed)
        bar.addSeparator()
        for action in (self.replay_action, self.pause_action, self.back_action, self.forward_action):
            bar.addAction(action)
        bar.addWidget(self.speed)
        bar.addWidget(self.position)

    def _build_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("Â&m thanh"))
        for group in (
            (self.record_action, self.stop_action),
            (self.replay_action, self.pause_action, self.back_action, self.forward_action, self.speed_action,
             self.start_here_action),
            (self.attach_action, self.summary_action, self.delete_action),
        ):
            for action in group:
                menu.addAction(action)
            menu.addSeparator()

    # --- the audio process -----------------------------------------------------------

    def _client(self) -> AudioClient:
        if self.client is None:
            self.client = AudioClient(
                self.archive.engine.url.render_as_string(hide_password=False), self.meeting_id, self.segments,
                self.input_spec, self.output_spec, language(),
            )
        return self.client

    def _prestart(self) -> None:
        if self.timer.isActive():  # not closed meanwhile
            self._client()

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def _was_interrupted(self) -> bool:
        """Whether this computer was recording the meeting when its window last closed."""
        last = self.segments[-1] if self.segments else None
        return (last is not None and last.source == AudioSource.RECORDED
                and last.state in (AudioState.RECORDING, AudioState.INTERRUPTED)
                and last.recorded_on == store.this_computer())

    def continue_recording(self) -> None:
        if not self.timer.isActive():
            return
        self._message(self.tr("Tiếp tục ghi âm vào một đoạn mới: cửa sổ đã đóng khi đang ghi."))
        self._opening = True
        self._client().send("record", interrupted=str(self.segments[-1].id))

    # --- recording -----------------------------------------------------------------

    def toggle_recording(self) -> None:
        if self.status.recording or self._opening:
            self._opening = False
            self._client().send("pause")
        else:
            self._opening = True
            self._client().send("record")

    def stop_recording(self) -> None:
        self._opening = False
        if self.client is not None:
            self.client.send("stop")

    # --- replay ----------------------------------------------------------------------

    def _current_span(self) -> timeline.Span | None:
        speech = self.proceedings.current
        return self._spans.get(id(speech)) if speech is not None else None

    def replay_current(self) -> None:
        self._refresh_spans()
        span = self._current_span()
        if span is None:
            self._message(self.tr("Ý kiến này chưa có giờ phát biểu nằm trong phần đã ghi âm."))
            return
        self.play(span.segment_id, span.start - BEFORE_SECONDS)

    def play(self, segment_id: Any, offset: float) -> None:
        segment = next(s for s in self.segments if s.id == segment_id)
        self._client().send("play", segment=str(segment_id), offset=max(0.0, offset), duration=segment.duration)

    def toggle_playing(self) -> None:
        if self.client is not None:
            self.client.send("toggle")

    def seek(self, delta: float) -> None:
        if self.client is not None:
            self.client.send("seek", delta=delta)

    def set_speed(self, speed: float) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(speed))
        self._client().send("speed", value=speed)

    def next_speed(self) -> None:
        self.set_speed(SPEEDS[(SPEEDS.index(self.status.speed) + 1) % len(SPEEDS)])

    def _playing_place(self) -> timeline.Place | None:
        status = self.status
        if status.play_segment is None:
            return None
        return timeline.Place(status.play_segment, status.position)

    def start_here(self) -> None:
        """The current speech starts where the replay is."""
        place, speech = self._playing_place(), self.proceedings.current
        if place is None or speech is None:
            self._message(self.tr("Hãy nghe lại ghi âm (F5) rồi bấm Ctrl+Shift+Enter ở chỗ ý kiến bắt đầu."))
            return
        self.editor.set_field(speech, "at", timeline.time_at(place, self.segments))

    # --- attaching, the summary, deleting -------------------------------------------------

    def attach(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Gắn tệp ghi âm"), str(self.settings.last_folder),
            self.tr("Tệp ghi âm (*.m4a *.aac *.mp3 *.wav *.ogg *.opus *.flac *.amr *.3gp)"),
        )
        if not path:
            return
        self.settings.last_folder = Path(path).parent
        started = self.ask_start(Path(path))
        if started is not None:
            self.attach_file(Path(path), started)

    def ask_start(self, path: Path) -> datetime | None:
        """When the recording began: what its file says, else the meeting's start, as the user confirms."""
        from minutes_app.audio.codec import file_info

        try:
            recorded_at = file_info(path).recorded_at
        except Exception:  # the audio process says why, when it tries
            recorded_at = None
        dialog = StartDialog(self.window, path, recorded_at or self.editor.meeting.starts_at, recorded_at is not None)
        return dialog.chosen() if dialog.exec() else None

    def attach_file(self, path: Path, started: datetime) -> None:
        self._client().send("attach", file=str(path), start=started.isoformat())
        self._message(self.tr("Đang chuyển tệp ghi âm “{file}”…").format(file=path.name))

    def show_summary(self) -> None:
        self._refresh_spans()
        SummaryDialog(self.window, self.editor, self.segments).exec()

    def delete_audio(self) -> None:
        if not self.segments:
            self._message(self.tr("Cuộc họp không có ghi âm."))
            return
        if self.status.recording:
            self._message(self.tr("Hãy dừng ghi âm trước khi xóa."))
            return
        total = sum(s.duration for s in self.segments)
        megabytes = store.audio_bytes(self.archive.engine, self.meeting_id) / 1e6
        answer = QMessageBox.question(
            self.window, app_name(),
            self.tr("Xóa toàn bộ ghi âm của cuộc họp này ({count} đoạn, dài {duration}, {size} MB)? "
                    "Không thể hoàn tác.").format(count=len(self.segments), duration=timeline.duration_text(total),
                                                size=f"{megabytes:.1f}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.client is not None:
            self.client.send("stop_play")
        store.delete_meeting_audio(self.archive.engine, self.meeting_id)
        self.segments = []
        if self.client is not None:
            self.client.segments.clear()
        self._dirty = True
        self._message(self.tr("Đã xóa ghi âm của cuộc họp."))

    # --- showing what happens ------------------------------------------------------------

    def speaking_time_text(self, speech: Speech) -> str:
        span = self._spans.get(id(speech))
        return timeline.duration_text(span.seconds) if span is not None else ""

    def _editor_changed(self, event: object) -> None:
        match event:
            case RowInserted(collection="speeches") | RowRemoved(collection="speeches") | RowMoved(
                collection="speeches"
            ):
                self._dirty = True
            case FieldChanged(row=Speech(), name="at"):
                self._dirty = True

    def _refresh_spans(self) -> None:
        speeches = self.editor.meeting.speeches
        spans = timeline.spans(speeches, self.segments)
        new = {id(s): span for s, span in zip(speeches, spans, strict=True) if span is not None}
        if new != self._spans:
            self._spans = new
            model = self.proceedings.model
            column = model.columnCount() - 1
            if model.rowCount():
                model.dataChanged.emit(model.index(0, column), model.index(model.rowCount() - 1, column))
        self._dirty = False

    def tick(self) -> None:
        """Show what the audio process last reported."""
        self._ticks += 1
        client = self.client
        if client is not None:
            self.status = client.status
            if client.revision != self._revision:
                self._revision = client.revision
                self.segments = client.ordered_segments()
                self._dirty = True
            while client.events:
                self._event(client.events.popleft())
        changed = self._dirty
        if self._dirty:  # a speech's time, or a segment's length (a chunk written)
            self._refresh_spans()
        shown = (self.status, self._opening)
        if shown == self._shown and not changed and not self.status.recording:
            return  # nothing new to show (while recording, the indicator blinks)
        self._shown = shown
        self._show_recording()
        self._show_playing()

    def _event(self, event: dict[str, Any]) -> None:
        if "error" in event:
            self._opening = False
            self._message(str(event["error"]))
        elif "attach_failed" in event:
            QMessageBox.warning(self.window, app_name(), str(event["attach_failed"]))
        elif "attached" in event:
            item = event["attached"]
            self._message(self.tr("Đã gắn tệp ghi âm “{file}”, dài {duration}.").format(
                file=item["file_name"], duration=timeline.duration_text(float(item["duration"]))))

    def _show_recording(self) -> None:
        status = self.status
        last = self.segments[-1] if self.segments else None
        paused = not status.recording and last is not None and last.state == AudioState.PAUSED
        if status.recording:
            self._opening = False
        if self._opening:
            # The audio process and the microphone take a moment to start.
            self.indicator.setText(self.tr("… Đang mở micrô"))
            style = PAUSED_STYLE
        elif status.recording:
            # Blinks: nobody can miss that the hall is being recorded.
            self.indicator.setText(self.tr("● ĐANG GHI ÂM") if self._ticks // 5 % 2 == 0 else self.tr("○ ĐANG GHI ÂM"))
            style = RECORDING_STYLE
            self.record_action.setText(self.tr("❚❚ &Tạm dừng ghi âm"))
        else:
            self.indicator.setText(self.tr("❚❚ Đang tạm dừng ghi âm") if paused else self.tr("Không ghi âm"))
            style = PAUSED_STYLE if paused else ""
            self.record_action.setText(self.tr("● Ghi &tiếp") if paused else self.tr("● &Ghi âm"))
        if self.indicator.styleSheet() != style:  # setting it again would restyle the label
            self.indicator.setStyleSheet(style)
        self.stop_action.setEnabled(status.recording or paused)
        level = status.level if status.recording and math.isfinite(status.level) else METER_FLOOR
        self.meter.setValue(round(100 * (max(level, METER_FLOOR) - METER_FLOOR) / -METER_FLOOR))
        self.elapsed.setText(clock_text(status.elapsed if status.recording else last.duration if last else 0))

    def _show_playing(self) -> None:
        place = self._playing_place()
        row = -1
        if place is None:
            self.position.setText("")
        else:
            known = any(s.id == place.segment_id for s in self.segments)
            at = timeline.time_at(place, self.segments) if known else None
            shown = at.strftime("%H:%M:%S") if at else clock_text(place.offset)
            state = "❚❚" if self.status.paused else "▶"
            self.position.setText(f"{state} {shown} · {speed_text(self.status.speed)}")
            row = self._speech_at(place)
        if self.speed.currentData() != self.status.speed and self.status.speed in SPEEDS:
            self.speed.setCurrentIndex(SPEEDS.index(self.status.speed))
        if row != self.delegate.row:
            self.delegate.row = row
            self.proceedings.table.viewport().update()

    def _speech_at(self, place: timeline.Place) -> int:
        """The row of the speech being played, -1 for none."""
        for row, speech in enumerate(self.editor.meeting.speeches):
            span = self._spans.get(id(speech))
            if span is not None and span.segment_id == place.segment_id and span.start <= place.offset < span.end:
                return row
        return -1

    def close(self) -> bool:
        """The window closes: a recording goes on into a new segment when it is opened again."""
        self.timer.stop()
        if self.client is None:
            return True
        done = self.client.close()
        self.client = None
        return done


class StartDialog(QDialog):
    """When an attached recording began: what its file says, or as typed."""

    def __init__(self, parent: QWidget, path: Path, start: datetime, from_file: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giờ bắt đầu của tệp ghi âm"))
        self.start = QDateTimeEdit(qt_datetime(start))
        self.start.setDisplayFormat("dd/MM/yyyy HH:mm:ss")
        self.start.setCalendarPopup(True)
        self.start.setAccessibleName(self.tr("Giờ bắt đầu ghi"))
        note = (self.tr("Theo thông tin trong tệp “{file}”, bản ghi bắt đầu lúc này. Sửa nếu đồng hồ của máy "
                        "ghi âm sai.") if from_file else
                self.tr("Tệp “{file}” không ghi giờ bắt đầu: hãy nhập giờ bắt đầu ghi âm, để các ý kiến "
                        "khớp với bản ghi.")).format(file=path.name)
        label = QLabel(note)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.start)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        value = self.start.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(microsecond=0)


class SummaryDialog(QDialog):
    """Speaking time per speaker, as in ``minutes-app audio ID --info``."""

    def __init__(self, parent: QWidget, editor: Any, segments: list[store.Segment]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thời gian phát biểu"))
        totals = timeline.speaker_times(editor.meeting.speeches, segments)
        self.table = QTableWidget(len(totals) + 1, 3)
        self.table.setAccessibleName(self.tr("Thời gian phát biểu của từng người"))
        self.table.setHorizontalHeaderLabels([self.tr("Người phát biểu"), self.tr("Số lần"), self.tr("Thời gian")])
        self.table.verticalHeader().setVisible(False)
        for row, total in enumerate(totals):
            attendance = editor.attendance(total.speaker_id)
            name = attendance.person.name if attendance else self.tr("(chưa rõ người phát biểu)")
            self._row(row, name, str(total.speeches), timeline.duration_text(total.seconds))
        self._row(len(totals), self.tr("Tổng cộng"), str(sum(t.speeches for t in totals)),
                  timeline.duration_text(sum(t.seconds for t in totals)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        recorded = sum(s.duration for s in segments)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Đã ghi âm {duration} trong {count} đoạn.").format(
            duration=timeline.duration_text(recorded), count=len(segments))))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _row(self, row: int, *cells: str) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
