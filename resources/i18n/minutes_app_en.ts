<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>App</name>
    <message>
        <source>{message}

Khôi phục bản sao lưu này ngay? (Kho hiện tại được giữ lại bên cạnh.)</source>
        <translation>{message}

Restore this backup now? (The current archive is kept beside it.)</translation>
    </message>
    <message>
        <source>Kho lưu trữ này đã mở trong một cửa sổ khác: cửa sổ đó được đưa lên trước.</source>
        <translation>This archive is already open in another window: that window was brought to the front.</translation>
    </message>
    <message>
        <source>Kho lưu trữ này đang mở trong một cửa sổ khác của ứng dụng (có thể của người dùng khác trên máy này).</source>
        <translation>This archive is open in another window of the application (perhaps another user&apos;s on this computer).</translation>
    </message>
</context>
<context>
    <name>ArchiveModel</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tên cuộc họp</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Cơ quan tổ chức</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>(chưa có tên)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ArchiveWindow</name>
    <message>
        <source>Tìm theo tên cuộc họp, người dự, nội dung (không cần dấu)…</source>
        <translation>Search titles, attendees, text (diacritics optional)…</translation>
    </message>
    <message>
        <source>Tìm cuộc họp</source>
        <translation>Find meetings</translation>
    </message>
    <message>
        <source>Danh sách cuộc họp</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Hướng dẫn bắt đầu</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Cuộc họp mới (chính quyền)</source>
        <translation>New meeting (state)</translation>
    </message>
    <message>
        <source>Cuộc họp mới (Đảng)</source>
        <translation>New meeting (Party)</translation>
    </message>
    <message>
        <source>&amp;Mở</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Nhân bản cho kỳ họp sau</source>
        <translation>&amp;Duplicate for the next session</translation>
    </message>
    <message>
        <source>&amp;Xóa…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Nhập tệp cuộc họp…</source>
        <translation>Import a meeting file…</translation>
    </message>
    <message>
        <source>Xuất tệp cuộc họp…</source>
        <translation>Export the meeting file…</translation>
    </message>
    <message>
        <source>&amp;Gửi sang kho khác…</source>
        <translation>&amp;Send to another archive…</translation>
    </message>
    <message>
        <source>&amp;Theo dõi nhiệm vụ…</source>
        <translation>&amp;Task register…</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>&amp;Sao lưu ra tệp…</source>
        <translation>&amp;Back up to a file…</translation>
    </message>
    <message>
        <source>&amp;Khôi phục từ bản sao lưu…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>&amp;Cuộc họp</source>
        <translation>&amp;Meeting</translation>
    </message>
    <message>
        <source>&amp;Kho lưu trữ</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>&amp;Kết nối kho lưu trữ của văn phòng…</source>
        <translation>&amp;Connect to the office archive…</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Cuộc họp mới (chính quyền)   Ctrl+N</source>
        <translation>New meeting (state)   Ctrl+N</translation>
    </message>
    <message>
        <source>Cuộc họp mới (Đảng)   Ctrl+Shift+N</source>
        <translation>New meeting (Party)   Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Nhập tệp cuộc họp đã có (.json)…   Ctrl+I</source>
        <translation>Import an existing meeting file (.json)…   Ctrl+I</translation>
    </message>
    <message>
        <source>Kết nối kho lưu trữ của văn phòng…</source>
        <translation>Connect to the office archive…</translation>
    </message>
    <message>
        <source>Không có cuộc họp nào khớp với “{query}”.</source>
        <translation>No meeting matches “{query}”.</translation>
    </message>
    <message>
        <source>Kho lưu trữ chưa có cuộc họp nào. Để bắt đầu, hãy tạo một cuộc họp mới, nhập tệp cuộc họp đã có, hoặc kết nối với kho lưu trữ chung của văn phòng:</source>
        <translation>The archive has no meetings yet. To begin, create a new meeting, import an existing meeting file, or connect to the office&apos;s shared archive:</translation>
    </message>
    <message>
        <source>Cuộc họp mới không có nội dung nào nên không được giữ lại.</source>
        <translation>The new meeting had no content, so it was not kept.</translation>
    </message>
    <message>
        <source>Hãy đóng cửa sổ của cuộc họp trước khi xóa.</source>
        <translation>Close the meeting&apos;s window before deleting it.</translation>
    </message>
    <message>
        <source>Xóa hẳn cuộc họp “{title}” ({when}) cùng mọi ý kiến, kết luận và ảnh của nó?</source>
        <translation>Delete the meeting “{title}” ({when}) for good, with all its speeches, conclusions and photos?</translation>
    </message>
    <message>
        <source>Xóa hẳn cuộc họp chưa có tên lúc {when} cùng mọi ý kiến, kết luận và ảnh của nó?</source>
        <translation>Delete the untitled meeting of {when} for good, with all its speeches, conclusions and photos?</translation>
    </message>
    <message>
        <source>Không xóa được: {reason}</source>
        <translation>Not deleted: {reason}</translation>
    </message>
    <message>
        <source>Đã xóa cuộc họp.</source>
        <translation>Meeting deleted.</translation>
    </message>
    <message>
        <source>Nhập tệp cuộc họp</source>
        <translation>Import a meeting file</translation>
    </message>
    <message>
        <source>Tệp cuộc họp (*.json)</source>
        <translation>Meeting files (*.json)</translation>
    </message>
    <message>
        <source>Không nhập được: {reason}</source>
        <translation>Cannot import: {reason}</translation>
    </message>
    <message>
        <source>Đã nhập cuộc họp từ {file}</source>
        <translation>Imported the meeting from {file}</translation>
    </message>
    <message>
        <source>Xuất tệp cuộc họp</source>
        <translation>Export the meeting file</translation>
    </message>
    <message>
        <source>Không ghi được tệp “{file}”: {reason}</source>
        <translation>Cannot write the file “{file}”: {reason}</translation>
    </message>
    <message>
        <source>Đã xuất {file}</source>
        <translation>Exported {file}</translation>
    </message>
    <message>
        <source>Gửi sang kho khác</source>
        <translation>Send to another archive</translation>
    </message>
    <message>
        <source>Địa chỉ kho đích (máy chủ của văn phòng, hoặc một tệp .sqlite3):</source>
        <translation>Address of the target archive (the office server, or a .sqlite3 file):</translation>
    </message>
    <message>
        <source>Không gửi được: {reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
    <message>
        <source>&amp;Bỏ qua</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <source>&amp;Thay thế…</source>
        <translation>&amp;Replace…</translation>
    </message>
    <message>
        <source>&amp;Giữ cả hai</source>
        <translation>&amp;Keep both</translation>
    </message>
    <message>
        <source>Thay thế sẽ xóa bản đang có ở kho đích, kể cả những gì người khác đã sửa trên đó. Thay thế?</source>
        <translation>Replacing deletes the copy in the target archive, with whatever others changed in it. Replace?</translation>
    </message>
    <message>
        <source>Đã sao lưu kho lưu trữ vào {file}</source>
        <translation>Archive backed up to {file}</translation>
    </message>
    <message>
        <source>Kho lưu trữ này ở trên máy chủ: hãy sao lưu và khôi phục bằng công cụ của máy chủ (pg_dump).</source>
        <translation>This archive is on a server: back it up and restore it with the server&apos;s tools (pg_dump).</translation>
    </message>
    <message>
        <source>Sao lưu kho lưu trữ ra tệp</source>
        <translation>Back up the archive to a file</translation>
    </message>
    <message>
        <source>Bản sao lưu (*.sqlite3)</source>
        <translation>Backups (*.sqlite3)</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Bản sao lưu (*.sqlite3 *.db)</source>
        <translation>Backups (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>Thay toàn bộ kho lưu trữ bằng bản sao lưu “{file}”? Kho hiện tại được sao lưu trước; các cửa sổ cuộc họp đang mở sẽ đóng lại.</source>
        <translation>Replace the whole archive with the backup “{file}”? The current archive is backed up first; the open meeting windows will close.</translation>
    </message>
    <message>
        <source>Đã khôi phục kho lưu trữ từ {file}</source>
        <translation>Archive restored from {file}</translation>
    </message>
</context>
<context>
    <name>ArticleTab</name>
    <message>
        <source>Soạn &amp;lại từ biên bản</source>
        <translation>&amp;Redraft from the minutes</translation>
    </message>
    <message>
        <source>Soạn lại tin bài từ biên bản</source>
        <translation>Redraft the article from the minutes</translation>
    </message>
    <message>
        <source>&amp;Khôi phục bản đã sửa</source>
        <translation>Res&amp;tore the edited text</translation>
    </message>
    <message>
        <source>Khôi phục bản tin bài đã sửa trước khi soạn lại</source>
        <translation>Restore the article as edited before the redraft</translation>
    </message>
    <message>
        <source>Xuất DOCX…</source>
        <translation>Export DOCX…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Xem trước và in…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Bối cảnh: đoạn giới thiệu bối cảnh, in sau sa-pô</source>
        <translation>Background: a paragraph on the context, printed after the lead</translation>
    </message>
    <message>
        <source>Bối cảnh của Hội nghị, in ngay sau sa-pô (không bắt buộc)</source>
        <translation>The meeting&apos;s background, printed right after the lead (optional)</translation>
    </message>
    <message>
        <source>&amp;Bối cảnh</source>
        <translation>&amp;Background</translation>
    </message>
    <message>
        <source>Nội dung tin bài</source>
        <translation>Article text</translation>
    </message>
    <message>
        <source>Đã sửa tay: bài không tự đổi theo biên bản nữa.</source>
        <translation>Edited by hand: the article no longer follows the minutes.</translation>
    </message>
    <message>
        <source>Bản nháp tự động, soạn từ biên bản đã lưu.</source>
        <translation>Automatic draft, written from the saved minutes.</translation>
    </message>
    <message>
        <source>Tít</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>Sa-pô</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Tiêu đề phụ</source>
        <translation>Sub-heading</translation>
    </message>
    <message>
        <source>Đoạn {n}</source>
        <translation>Paragraph {n}</translation>
    </message>
    <message>
        <source>Chú thích ảnh</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <source>Tác giả</source>
        <translation>Byline</translation>
    </message>
    <message>
        <source>(đang tải ảnh…)</source>
        <translation>(loading the photo…)</translation>
    </message>
    <message>
        <source>Bỏ ảnh này khỏi bài</source>
        <translation>Leave this photo out</translation>
    </message>
    <message>
        <source>Soạn lại tin bài</source>
        <translation>Redraft the article</translation>
    </message>
    <message>
        <source>Tin bài đã được sửa tay. Soạn lại từ biên bản sẽ thay bài đang có; bản đã sửa vẫn được giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Soạn lại?</source>
        <translation>The article has been edited by hand. Redrafting from the minutes replaces it; the edited text is kept and can be brought back with “Restore the edited text”. Redraft?</translation>
    </message>
</context>
<context>
    <name>AttendeesTab</name>
    <message>
        <source>Họ và tên (gõ vài chữ để tìm người đã dự họp)</source>
        <translation>Name (type a few letters to find someone who attended before)</translation>
    </message>
    <message>
        <source>Họ và tên đại biểu mới</source>
        <translation>Name of the new attendee</translation>
    </message>
    <message>
        <source>Chức vụ (cách nhau bởi ;)</source>
        <translation>Titles (separated by ;)</translation>
    </message>
    <message>
        <source>Chức vụ của đại biểu mới</source>
        <translation>Titles of the new attendee</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Nhóm của đại biểu mới</source>
        <translation>Group of the new attendee</translation>
    </message>
    <message>
        <source>&amp;Thêm</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Thêm đại biểu</source>
        <translation>Add attendee</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Lý do vắng</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>Khách mời danh dự</source>
        <translation>Guest of honour</translation>
    </message>
    <message>
        <source>Danh sách đại biểu</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>&amp;Nhập danh sách từ tệp CSV/Excel/Word…</source>
        <translation>&amp;Import a list from CSV/Excel/Word…</translation>
    </message>
    <message>
        <source>Nhập danh sách đại biểu từ tệp CSV, Excel hoặc Word</source>
        <translation>Import a list of attendees from a CSV, Excel or Word file</translation>
    </message>
    <message>
        <source>Danh sách (*.csv *.xlsx *.docx)</source>
        <translation>Lists (*.csv *.xlsx *.docx)</translation>
    </message>
    <message>
        <source>Nhập danh sách đại biểu</source>
        <translation>Import a list of attendees</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <source>Ghi âm và nghe lại</source>
        <translation>Recording and replay</translation>
    </message>
    <message>
        <source>● &amp;Ghi âm</source>
        <translation>● &amp;Record</translation>
    </message>
    <message>
        <source>■ &amp;Dừng ghi âm</source>
        <translation>■ &amp;Stop recording</translation>
    </message>
    <message>
        <source>■ Dừng</source>
        <translation>■ Stop</translation>
    </message>
    <message>
        <source>▶ &amp;Nghe lại ý kiến</source>
        <translation>▶ Re&amp;play the speech</translation>
    </message>
    <message>
        <source>▶ Nghe lại</source>
        <translation>▶ Replay</translation>
    </message>
    <message>
        <source>Tạm dừng / nghe &amp;tiếp</source>
        <translation>Pause / &amp;continue</translation>
    </message>
    <message>
        <source>Lùi 5 giây</source>
        <translation>Back 5 seconds</translation>
    </message>
    <message>
        <source>« 5 giây</source>
        <translation>« 5 s</translation>
    </message>
    <message>
        <source>Tới 5 giây</source>
        <translation>Forward 5 seconds</translation>
    </message>
    <message>
        <source>5 giây »</source>
        <translation>5 s »</translation>
    </message>
    <message>
        <source>Đổi &amp;tốc độ nghe</source>
        <translation>Change the replay &amp;speed</translation>
    </message>
    <message>
        <source>Ý kiến &amp;bắt đầu từ đây</source>
        <translation>Speech &amp;starts here</translation>
    </message>
    <message>
        <source>&amp;Gắn tệp ghi âm có sẵn…</source>
        <translation>&amp;Attach an existing recording…</translation>
    </message>
    <message>
        <source>&amp;Thời gian phát biểu…</source>
        <translation>Speaking &amp;time…</translation>
    </message>
    <message>
        <source>&amp;Xóa ghi âm của cuộc họp…</source>
        <translation>&amp;Delete the meeting&apos;s audio…</translation>
    </message>
    <message>
        <source>Trạng thái ghi âm</source>
        <translation>Recording status</translation>
    </message>
    <message>
        <source>Mức âm thanh</source>
        <translation>Sound level</translation>
    </message>
    <message>
        <source>Thời gian đã ghi</source>
        <translation>Time recorded</translation>
    </message>
    <message>
        <source>Tốc độ nghe lại</source>
        <translation>Replay speed</translation>
    </message>
    <message>
        <source>Chỗ đang nghe</source>
        <translation>Place being played</translation>
    </message>
    <message>
        <source>Â&amp;m thanh</source>
        <translation>A&amp;udio</translation>
    </message>
    <message>
        <source>Tiếp tục ghi âm vào một đoạn mới: cửa sổ đã đóng khi đang ghi.</source>
        <translation>Recording goes on in a new segment: the window was closed while recording.</translation>
    </message>
    <message>
        <source>Ý kiến này chưa có giờ phát biểu nằm trong phần đã ghi âm.</source>
        <translation>This speech has no time within what was recorded.</translation>
    </message>
    <message>
        <source>Hãy nghe lại ghi âm (F5) rồi bấm Ctrl+Shift+Enter ở chỗ ý kiến bắt đầu.</source>
        <translation>Replay the recording (F5), then press Ctrl+Shift+Enter where the speech starts.</translation>
    </message>
    <message>
        <source>Gắn tệp ghi âm</source>
        <translation>Attach a recording</translation>
    </message>
    <message>
        <source>Tệp ghi âm (*.m4a *.aac *.mp3 *.wav *.ogg *.opus *.flac *.amr *.3gp)</source>
        <translation>Recordings (*.m4a *.aac *.mp3 *.wav *.ogg *.opus *.flac *.amr *.3gp)</translation>
    </message>
    <message>
        <source>Đang chuyển tệp ghi âm “{file}”…</source>
        <translation>Converting the recording “{file}”…</translation>
    </message>
    <message>
        <source>Cuộc họp không có ghi âm.</source>
        <translation>The meeting has no audio.</translation>
    </message>
    <message>
        <source>Hãy dừng ghi âm trước khi xóa.</source>
        <translation>Stop recording before deleting.</translation>
    </message>
    <message>
        <source>Xóa toàn bộ ghi âm của cuộc họp này ({count} đoạn, dài {duration}, {size} MB)? Không thể hoàn tác.</source>
        <translation>Delete all of this meeting&apos;s audio ({count} segments, {duration} long, {size} MB)? This cannot be undone.</translation>
    </message>
    <message>
        <source>Đã xóa ghi âm của cuộc họp.</source>
        <translation>The meeting&apos;s audio was deleted.</translation>
    </message>
    <message>
        <source>Đã gắn tệp ghi âm “{file}”, dài {duration}.</source>
        <translation>Attached the recording “{file}”, {duration} long.</translation>
    </message>
    <message>
        <source>… Đang mở micrô</source>
        <translation>… Opening the microphone</translation>
    </message>
    <message>
        <source>● ĐANG GHI ÂM</source>
        <translation>● RECORDING</translation>
    </message>
    <message>
        <source>○ ĐANG GHI ÂM</source>
        <translation>○ RECORDING</translation>
    </message>
    <message>
        <source>❚❚ &amp;Tạm dừng ghi âm</source>
        <translation>❚❚ &amp;Pause recording</translation>
    </message>
    <message>
        <source>❚❚ Đang tạm dừng ghi âm</source>
        <translation>❚❚ Recording paused</translation>
    </message>
    <message>
        <source>Không ghi âm</source>
        <translation>Not recording</translation>
    </message>
    <message>
        <source>● Ghi &amp;tiếp</source>
        <translation>● &amp;Resume recording</translation>
    </message>
</context>
<context>
    <name>CarriedTasksBox</name>
    <message>
        <source>Kết quả thực hiện kết luận kỳ trước</source>
        <translation>Results of the previous session’s conclusions</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Kết quả báo cáo tại kỳ này</source>
        <translation>Result reported at this session</translation>
    </message>
    <message>
        <source>Nhiệm vụ kỳ trước</source>
        <translation>Tasks of the previous session</translation>
    </message>
    <message>
        <source>Lấ&amp;y nhiệm vụ chưa hoàn thành của kỳ họp trước</source>
        <translation>Bring in the previous session’s open &amp;tasks</translation>
    </message>
    <message>
        <source>Lấy các nhiệm vụ chưa hoàn thành của kỳ họp trước cùng cơ quan tổ chức</source>
        <translation>Bring in the open tasks of the same organiser’s previous session</translation>
    </message>
    <message>
        <source>Thông báo</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Đã thêm {n} nhiệm vụ chưa hoàn thành của kỳ họp trước; ghi kết quả từng đơn vị báo cáo vào cột cuối.</source>
        <translation>Added {n} open tasks of the previous session; write what each unit reports in the last column.</translation>
    </message>
    <message>
        <source>Không có nhiệm vụ nào chưa hoàn thành ở kỳ họp trước của cùng cơ quan tổ chức (hoặc đã lấy hết).</source>
        <translation>The same organiser’s previous session has no open tasks (or they are all here already).</translation>
    </message>
</context>
<context>
    <name>ConclusionsTab</name>
    <message>
        <source>Giao cho (cơ quan, đơn vị)</source>
        <translation>Assigned to (body, unit)</translation>
    </message>
    <message>
        <source>Cơ quan được giao nhiệm vụ</source>
        <translation>Body assigned the task</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Nhiệm vụ được giao</source>
        <translation>Task assigned</translation>
    </message>
    <message>
        <source>Hạn (ngày/tháng/năm)</source>
        <translation>Deadline (day/month/year)</translation>
    </message>
    <message>
        <source>Thời hạn hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>&amp;Thêm</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Thêm kết luận</source>
        <translation>Add conclusion</translation>
    </message>
    <message>
        <source>Thông báo</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Giao cho</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Các kết luận, nhiệm vụ được giao</source>
        <translation>Conclusions and assigned tasks</translation>
    </message>
    <message>
        <source>Thời hạn “{text}” không hợp lệ: hãy gõ ngày/tháng/năm, ví dụ 31/8/2026.</source>
        <translation>The deadline “{text}” is not valid: type day/month/year, e.g. 31/8/2026.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Thay đổi trùng với người khác</source>
        <translation>Changes clashing with someone else&apos;s</translation>
    </message>
    <message>
        <source>Các thay đổi trùng với người khác</source>
        <translation>The changes clashing with someone else&apos;s</translation>
    </message>
    <message>
        <source>Một người khác</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <source>{who} vừa xóa {what}. Bạn vẫn đang có nó trong cửa sổ.</source>
        <translation>{who} has just deleted {what}. You still have it in the window.</translation>
    </message>
    <message>
        <source>{who} vừa sửa {what}.</source>
        <translation>{who} has just changed {what}.</translation>
    </message>
    <message>
        <source>Bản của họ: «{theirs}»
Bản của bạn: «{mine}»</source>
        <translation>Their version: «{theirs}»
Your version: «{mine}»</translation>
    </message>
    <message>
        <source>thông tin chung của cuộc họp</source>
        <translation>the meeting&apos;s general information</translation>
    </message>
    <message>
        <source>thông tin một người dự họp</source>
        <translation>an attendee&apos;s details</translation>
    </message>
    <message>
        <source>tên một người dự họp</source>
        <translation>an attendee&apos;s name</translation>
    </message>
    <message>
        <source>một ý kiến phát biểu</source>
        <translation>a speech</translation>
    </message>
    <message>
        <source>một vấn đề thảo luận</source>
        <translation>a discussion topic</translation>
    </message>
    <message>
        <source>một kết luận, chỉ đạo</source>
        <translation>a directive</translation>
    </message>
    <message>
        <source>một nhiệm vụ kỳ trước</source>
        <translation>a task of the previous session</translation>
    </message>
    <message>
        <source>một ảnh</source>
        <translation>a photo</translation>
    </message>
    <message>
        <source>tin bài</source>
        <translation>the article</translation>
    </message>
    <message>
        <source>thông báo kết luận</source>
        <translation>the notice of conclusions</translation>
    </message>
    <message>
        <source>Giữ bản của tôi</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Giữ bản của tôi, ghi đè bản của họ</source>
        <translation>Keep my version, over theirs</translation>
    </message>
    <message>
        <source>Dùng bản của họ</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Dùng bản của họ, bỏ thay đổi của tôi</source>
        <translation>Take their version, dropping my change</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Tin bài</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Thông báo kết luận</source>
        <translation>Notice of conclusions</translation>
    </message>
    <message>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Xuất {document}</source>
        <translation>Export the {document}</translation>
    </message>
    <message>
        <source>Đã xuất tệp, nhưng máy này chưa có chương trình nào mở được tệp {kind}.

Tệp nằm ở:
{file}</source>
        <translation>The file was exported, but no program on this computer can open {kind} files.

The file is at:
{file}</translation>
    </message>
    <message>
        <source>&amp;Mở thư mục chứa tệp</source>
        <translation>&amp;Open the containing folder</translation>
    </message>
    <message>
        <source>Không mở được thư mục {folder}.</source>
        <translation>Could not open the folder {folder}.</translation>
    </message>
    <message>
        <source>Chưa lưu được các thay đổi mới nhất nên chưa xuất văn bản.</source>
        <translation>The latest changes are not saved yet, so nothing was exported.</translation>
    </message>
    <message>
        <source>Không ghi được tệp “{file}”: {reason}. Hãy chọn thư mục khác.</source>
        <translation>Cannot write the file “{file}”: {reason}. Choose another folder.</translation>
    </message>
    <message>
        <source>Đã xuất {file}</source>
        <translation>Exported {file}</translation>
    </message>
    <message>
        <source>Xem trước và in {document}</source>
        <translation>Preview and print: {document}</translation>
    </message>
</context>
<context>
    <name>FinalizeDialog</name>
    <message>
        <source>Chốt biên bản</source>
        <translation>Finalise the minutes</translation>
    </message>
    <message>
        <source>Biên bản sẽ được chốt thành phiên bản {version} và giữ nguyên như đang có. Sau khi chốt, mọi nội dung của biên bản (kể cả tin bài) chỉ đọc; muốn sửa phải mở lại để sửa, có ghi lý do, và bản sửa sẽ là phiên bản {next}.</source>
        <translation>The minutes will be finalised as version {version} and kept exactly as they are. Once final, everything in them (the news article too) is read-only; a correction needs reopening them with a reason, and the correction becomes version {next}.</translation>
    </message>
    <message>
        <source>{role} {name} xác nhận: đây đúng là nội dung đã ký.</source>
        <translation>{role} {name} confirms: this is the text that was signed.</translation>
    </message>
    <message>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Chủ tọa</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>&amp;Chốt biên bản</source>
        <translation>&amp;Finalise the minutes</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Văn bản chính quyền (Nghị định 30/2020/NĐ-CP)</source>
        <translation>State document (Decree 30/2020/NĐ-CP)</translation>
    </message>
    <message>
        <source>Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)</source>
        <translation>Party document (Guideline 36-HD/VPTW)</translation>
    </message>
    <message>
        <source>&amp;Tên cuộc họp</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Cơ quan &amp;tổ chức</source>
        <translation>&amp;Organiser</translation>
    </message>
    <message>
        <source>Cơ quan &amp;chủ quản</source>
        <translation>&amp;Parent body</translation>
    </message>
    <message>
        <source>Ký hiệu cơ &amp;quan</source>
        <translation>Body &amp;code</translation>
    </message>
    <message>
        <source>&amp;Số biên bản</source>
        <translation>Minutes &amp;number</translation>
    </message>
    <message>
        <source>Địa &amp;danh</source>
        <translation>Place &amp;name</translation>
    </message>
    <message>
        <source>Địa đ&amp;iểm</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;Kiểu văn bản</source>
        <translation>Document st&amp;yle</translation>
    </message>
    <message>
        <source>Kiểu văn bản</source>
        <translation>Document style</translation>
    </message>
    <message>
        <source>&amp;Bắt đầu</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Bắt đầu ngay</source>
        <translation>Start now</translation>
    </message>
    <message>
        <source>Kết thú&amp;c</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>Kết thúc ngay</source>
        <translation>End now</translation>
    </message>
    <message>
        <source>Chủ trì</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>C&amp;hủ trì</source>
        <translation>C&amp;hair</translation>
    </message>
    <message>
        <source>Thư &amp;ký</source>
        <translation>Secre&amp;tary</translation>
    </message>
    <message>
        <source>Chương trình, mỗi dòng một mục</source>
        <translation>Agenda, one item per line</translation>
    </message>
    <message>
        <source>Mỗi dòng một mục</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <source>Chương t&amp;rình</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Lịch sử phiên bản</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Lý do sửa</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>SHA-256 của biên bản</source>
        <translation>SHA-256 of the minutes</translation>
    </message>
    <message>
        <source>Các phiên bản của biên bản</source>
        <translation>Versions of the minutes</translation>
    </message>
    <message>
        <source>Phiên bản cũ hơn để so sánh</source>
        <translation>Older version to compare</translation>
    </message>
    <message>
        <source>Phiên bản mới hơn để so sánh</source>
        <translation>Newer version to compare</translation>
    </message>
    <message>
        <source>&amp;So sánh phiên bản</source>
        <translation>&amp;Compare version</translation>
    </message>
    <message>
        <source>với</source>
        <translation>with</translation>
    </message>
    <message>
        <source>Những gì đã thay đổi</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Xuất phiên bản đang chọn, đúng như khi đó:</source>
        <translation>Export the chosen version as it was:</translation>
    </message>
    <message>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Tin bài</source>
        <translation>News article</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;Phiên bản hiện tại: {n}, {state}.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;Current version: {n}, {state}.</translation>
    </message>
    <message>
        <source>Cuộc họp mới</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>{n} (đã chốt)</source>
        <translation>{n} (final)</translation>
    </message>
    <message>
        <source>{n} (đang soạn)</source>
        <translation>{n} (being written)</translation>
    </message>
    <message>
        <source>Chọn hai phiên bản khác nhau để xem những gì đã thay đổi.</source>
        <translation>Choose two different versions to see what changed.</translation>
    </message>
    <message>
        <source>Từ phiên bản {old} đến phiên bản {new}</source>
        <translation>From version {old} to version {new}</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Changed</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Nhập danh sách đại biểu: {file}</source>
        <translation>Import a list of attendees: {file}</translation>
    </message>
    <message>
        <source>Chữ trong tệp được chuyển sang Unicode từ bảng mã {codes}: hãy xem lại tên và chức vụ trước khi thêm.</source>
        <translation>The file&apos;s text was converted to Unicode from {codes}: check the names and titles before adding them.</translation>
    </message>
    <message>
        <source>Sẽ thêm {n} đại biểu:</source>
        <translation>{n} attendees will be added:</translation>
    </message>
    <message>
        <source>Các đại biểu sẽ được thêm</source>
        <translation>Attendees to be added</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Đã có trong danh bạ</source>
        <translation>Already in the directory</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Các dòng có lỗi</source>
        <translation>Rows with errors</translation>
    </message>
    <message>
        <source>Các dòng sau không được thêm:</source>
        <translation>These rows will not be added:</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>LegacyPaste</name>
    <message>
        <source>Đoạn dán được chuyển từ bảng mã {codes} sang Unicode; Ctrl+Z để giữ nguyên như khi dán.</source>
        <translation>The pasted text was converted from {codes} to Unicode; Ctrl+Z keeps it as pasted.</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <source>Các phần của cuộc họp</source>
        <translation>Parts of the meeting</translation>
    </message>
    <message>
        <source>&amp;1 Thông tin chung</source>
        <translation>&amp;1 General</translation>
    </message>
    <message>
        <source>&amp;2 Thành phần</source>
        <translation>&amp;2 Attendees</translation>
    </message>
    <message>
        <source>&amp;3 Diễn biến</source>
        <translation>&amp;3 Proceedings</translation>
    </message>
    <message>
        <source>&amp;4 Vấn đề thảo luận</source>
        <translation>&amp;4 Topics</translation>
    </message>
    <message>
        <source>&amp;5 Kết luận</source>
        <translation>&amp;5 Conclusions</translation>
    </message>
    <message>
        <source>&amp;6 Ảnh</source>
        <translation>&amp;6 Photos</translation>
    </message>
    <message>
        <source>&amp;7 Tin bài</source>
        <translation>&amp;7 Article</translation>
    </message>
    <message>
        <source>&amp;8 Thông báo kết luận</source>
        <translation>&amp;8 Notice of conclusions</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Trạng thái lưu</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>biên bản</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>tin bài</source>
        <translation>article</translation>
    </message>
    <message>
        <source>thông báo kết luận</source>
        <translation>the notice of conclusions</translation>
    </message>
    <message>
        <source>Xuất {document} ra {format}…</source>
        <translation>Export the {document} as {format}…</translation>
    </message>
    <message>
        <source>Xem trước và in {document}…</source>
        <translation>Preview and print the {document}…</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Ý kiến phát biểu &amp;mới</source>
        <translation>&amp;New speech</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Cuộc họp mới</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Có {n} thay đổi chưa ghi được vì người khác vừa sửa cùng nội dung; nội dung bạn gõ vẫn được giữ trong cửa sổ: chọn bản nào giữ ở khung bên dưới.</source>
        <translation>{n} changes were not saved because someone else has just changed the same content; what you typed is kept in the window: choose which version to keep in the panel below.</translation>
    </message>
    <message>
        <source>Đã cập nhật {n} thay đổi do người khác lưu.</source>
        <translation>{n} changes saved by others are now shown.</translation>
    </message>
    <message>
        <source>Chưa lưu được</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Chưa ghi được vào kho lưu trữ ({reason}); sẽ thử lại.</source>
        <translation>Could not write to the archive ({reason}); will try again.</translation>
    </message>
    <message>
        <source>Một chương trình khác vừa động vào tệp kho lưu trữ; ứng dụng đã mở lại kho và ghi lại đầy đủ những gì bạn đã gõ.</source>
        <translation>Another program has just touched the archive&apos;s files; the application opened the archive again and saved everything you typed once more.</translation>
    </message>
    <message>
        <source>Một số thay đổi chưa ghi được vào kho lưu trữ. Hãy kiểm tra ổ đĩa rồi mở lại cuộc họp.</source>
        <translation>Some changes could not be written to the archive. Check the disk, then open the meeting again.</translation>
    </message>
</context>
<context>
    <name>NewSpeakerForm</name>
    <message>
        <source>Họ và tên người phát biểu mới</source>
        <translation>Full name of the new speaker</translation>
    </message>
    <message>
        <source>Họ và tên, hoặc “Đại diện Sở …”</source>
        <translation>Full name, or “Đại diện Sở …” (a body&apos;s representative)</translation>
    </message>
    <message>
        <source>Chức vụ của người phát biểu mới</source>
        <translation>Title of the new speaker</translation>
    </message>
    <message>
        <source>Chức vụ (không bắt buộc)</source>
        <translation>Title (optional)</translation>
    </message>
    <message>
        <source>Cơ quan, đơn vị của người phát biểu mới</source>
        <translation>Organisation of the new speaker</translation>
    </message>
    <message>
        <source>Cơ quan, đơn vị (không bắt buộc)</source>
        <translation>Organisation (optional)</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Thêm vào thành phần và chọn làm người phát biểu</source>
        <translation>Add to the attendees and choose as the speaker</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đại biểu mới:</source>
        <translation>New attendee:</translation>
    </message>
</context>
<context>
    <name>NoticeTab</name>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number and code</translation>
    </message>
    <message>
        <source>Địa danh, ngày tháng</source>
        <translation>Place and date</translation>
    </message>
    <message>
        <source>Tên thông báo</source>
        <translation>Name of the notice</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Subject line</translation>
    </message>
    <message>
        <source>Đoạn</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Đề mục</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Câu kết</source>
        <translation>Closing sentence</translation>
    </message>
    <message>
        <source>Thẩm quyền, chức vụ người ký</source>
        <translation>Signer&apos;s authority and title</translation>
    </message>
    <message>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Mẫu thông báo kết luận</source>
        <translation>Form of the notice of conclusions</translation>
    </message>
    <message>
        <source>&amp;Mẫu:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <source>Soạn &amp;lại từ biên bản</source>
        <translation>&amp;Redraft from the minutes</translation>
    </message>
    <message>
        <source>Soạn lại thông báo kết luận từ biên bản</source>
        <translation>Redraft the notice of conclusions from the minutes</translation>
    </message>
    <message>
        <source>&amp;Khôi phục bản đã sửa</source>
        <translation>Res&amp;tore the edited text</translation>
    </message>
    <message>
        <source>Khôi phục bản thông báo đã sửa trước khi soạn lại</source>
        <translation>Restore the notice as edited before the redraft</translation>
    </message>
    <message>
        <source>Xuất DOCX…</source>
        <translation>Export DOCX…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Xem trước và in…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Nội dung thông báo kết luận</source>
        <translation>Content of the notice of conclusions</translation>
    </message>
    <message>
        <source>Đã sửa tay: thông báo không tự đổi theo biên bản nữa.</source>
        <translation>Edited by hand: the notice no longer follows the minutes.</translation>
    </message>
    <message>
        <source>Bản nháp tự động, soạn từ các kết luận, chỉ đạo đã lưu.</source>
        <translation>Automatic draft, made from the saved conclusions and directives.</translation>
    </message>
    <message>
        <source>Đổi mẫu thông báo</source>
        <translation>Change the form of the notice</translation>
    </message>
    <message>
        <source>Thông báo đã được sửa tay. Đổi mẫu sẽ soạn lại thông báo từ biên bản theo mẫu mới; bản đã sửa vẫn được giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Đổi mẫu?</source>
        <translation>The notice has been edited by hand. Changing the form drafts the notice again from the minutes in the new form; the edited text is kept and can be brought back with “Restore the edited text”. Change the form?</translation>
    </message>
    <message>
        <source>Soạn lại thông báo kết luận</source>
        <translation>Redraft the notice of conclusions</translation>
    </message>
    <message>
        <source>Thông báo đã được sửa tay. Soạn lại từ biên bản sẽ thay thông báo đang có; bản đã sửa vẫn được giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Soạn lại?</source>
        <translation>The notice has been edited by hand. Redrafting from the minutes replaces the current notice; the edited text is kept and can be brought back with “Restore the edited text”. Redraft?</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Đăng nhập máy chủ</source>
        <translation>Server login</translation>
    </message>
    <message>
        <source>Mật khẩu không đúng. Nhập lại mật khẩu của {login}:</source>
        <translation>Wrong password. Enter the password of {login} again:</translation>
    </message>
    <message>
        <source>Mật khẩu của {login}:</source>
        <translation>Password of {login}:</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Ghi nhớ trong kho khóa của hệ thống</source>
        <translation>&amp;Remember it in the system keyring</translation>
    </message>
</context>
<context>
    <name>PhotosTab</name>
    <message>
        <source>Các ảnh của cuộc họp</source>
        <translation>Photos of the meeting</translation>
    </message>
    <message>
        <source>&amp;Thêm ảnh…</source>
        <translation>&amp;Add photos…</translation>
    </message>
    <message>
        <source>Thêm ảnh từ tệp</source>
        <translation>Add photos from files</translation>
    </message>
    <message>
        <source>&amp;Xóa ảnh</source>
        <translation>&amp;Delete photo</translation>
    </message>
    <message>
        <source>Xóa ảnh đang chọn</source>
        <translation>Delete the selected photo</translation>
    </message>
    <message>
        <source>Chú thích ảnh</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <source>Ví dụ: Quang cảnh Hội nghị</source>
        <translation>E.g. Quang cảnh Hội nghị (view of the conference)</translation>
    </message>
    <message>
        <source>Ý kiến phát biểu gắn với ảnh</source>
        <translation>Speech linked to the photo</translation>
    </message>
    <message>
        <source>Kéo thả ảnh JPEG hoặc PNG vào đây.</source>
        <translation>Drop JPEG or PNG photos here.</translation>
    </message>
    <message>
        <source>Thông báo</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Chú thích</source>
        <translation>&amp;Caption</translation>
    </message>
    <message>
        <source>Gắn với ý &amp;kiến</source>
        <translation>Linked to &amp;speech</translation>
    </message>
    <message>
        <source>Thêm ảnh</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Không thêm được: {reasons}</source>
        <translation>Not added: {reasons}</translation>
    </message>
    <message>
        <source>Đã thêm {n} ảnh.</source>
        <translation>Added {n} photos.</translation>
    </message>
    <message>
        <source>(không gắn)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>(chưa rõ người phát biểu)</source>
        <translation>(speaker not set)</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Trạng thái của bản xem trước</source>
        <translation>State of the preview</translation>
    </message>
    <message>
        <source>Các trang của văn bản</source>
        <translation>Pages of the document</translation>
    </message>
    <message>
        <source>&amp;Xem trước văn bản</source>
        <translation>&amp;Preview the document</translation>
    </message>
    <message>
        <source>Đang dựng bản xem trước…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <source>Bản xem trước đã dừng; sẽ dựng lại khi có thay đổi.</source>
        <translation>The preview stopped; it will be made again at the next change.</translation>
    </message>
    <message>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Tin bài</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>{document}, {pages} trang, cập nhật lúc {time}</source>
        <translation>{document}, {pages} pages, updated at {time}</translation>
    </message>
</context>
<context>
    <name>ProceedingsTab</name>
    <message>
        <source>Khai mạc</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Ý kiến</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Người phát biểu</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Các ý kiến phát biểu</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>&amp;Loại</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Ý kiến đang ghi</source>
        <translation>Speech being written</translation>
    </message>
    <message>
        <source>Trích &amp;dẫn</source>
        <translation>&amp;Quote</translation>
    </message>
    <message>
        <source>Giờ phát biểu</source>
        <translation>Time of the speech</translation>
    </message>
    <message>
        <source>Gõ vài chữ của tên hoặc chức vụ, Enter để chọn (Ctrl+L)</source>
        <translation>Type a few letters of the name or title, Enter to choose (Ctrl+L)</translation>
    </message>
    <message>
        <source>Loại phát biểu</source>
        <translation>Kind of speech</translation>
    </message>
    <message>
        <source>Ctrl+K rồi 1…6</source>
        <translation>Ctrl+K then 1…6</translation>
    </message>
    <message>
        <source>Nội dung của báo cáo hoặc ý kiến</source>
        <translation>Subject of the report or speech</translation>
    </message>
    <message>
        <source>Về nội dung gì (không bắt buộc)</source>
        <translation>On what subject (optional)</translation>
    </message>
    <message>
        <source>Ảnh của ý kiến</source>
        <translation>Photo of the speech</translation>
    </message>
    <message>
        <source>Tóm tắt ý kiến phát biểu</source>
        <translation>Summary of the speech</translation>
    </message>
    <message>
        <source>&amp;Giờ</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <source>&amp;Người phát biểu</source>
        <translation>S&amp;peaker</translation>
    </message>
    <message>
        <source>&amp;Về</source>
        <translation>Su&amp;bject</translation>
    </message>
    <message>
        <source>Ả&amp;nh</source>
        <translation>P&amp;hoto</translation>
    </message>
    <message>
        <source>&amp;Tóm tắt</source>
        <translation>S&amp;ummary</translation>
    </message>
    <message>
        <source>Tóm tắt ý kiến… (Ctrl+Enter: ý kiến mới; Ctrl+L: người phát biểu; Ctrl+K rồi 1…6: loại; F4: xem trước văn bản)</source>
        <translation>Summary of the speech… (Ctrl+Enter: new speech; Ctrl+L: speaker; Ctrl+K then 1…6: kind; F4: preview the document)</translation>
    </message>
    <message>
        <source>Trích dẫn nguyên văn lời người phát biểu</source>
        <translation>The speaker&apos;s own words, quoted</translation>
    </message>
    <message>
        <source>Câu nói nguyên văn để tin bài trích dẫn, không cần ngoặc kép (không bắt buộc)</source>
        <translation>Words the article quotes verbatim, without quotation marks (optional)</translation>
    </message>
    <message>
        <source>+ {person} (đã dự họp trước)</source>
        <translation>+ {person} (attended earlier meetings)</translation>
    </message>
    <message>
        <source>+ Thêm “{name}” làm đại biểu mới…</source>
        <translation>+ Add “{name}” as a new attendee…</translation>
    </message>
    <message>
        <source>Đại biểu không nêu tên</source>
        <translation>Unnamed delegate</translation>
    </message>
    <message>
        <source>(không có ảnh)</source>
        <translation>(no photo)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Choose</translation>
    </message>
</context>
<context>
    <name>RecordStateBar</name>
    <message>
        <source>Trạng thái biên bản</source>
        <translation>State of the minutes</translation>
    </message>
    <message>
        <source>C&amp;hốt biên bản…</source>
        <translation>&amp;Finalise the minutes…</translation>
    </message>
    <message>
        <source>Mở &amp;lại để sửa…</source>
        <translation>&amp;Reopen for a correction…</translation>
    </message>
    <message>
        <source>Lịch sử &amp;phiên bản…</source>
        <translation>Version &amp;history…</translation>
    </message>
    <message>
        <source>&amp;Biên bản</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>ĐÃ CHỐT · phiên bản {n} · chỉ đọc</source>
        <translation>FINAL · version {n} · read-only</translation>
    </message>
    <message>
        <source>ĐANG SỬA · phiên bản {n} · lý do: {reason}</source>
        <translation>BEING CORRECTED · version {n} · reason: {reason}</translation>
    </message>
    <message>
        <source>DỰ THẢO · phiên bản {n}</source>
        <translation>DRAFT · version {n}</translation>
    </message>
    <message>
        <source>Chưa lưu được các thay đổi mới nhất nên chưa chốt được biên bản.</source>
        <translation>The latest changes are not saved yet, so the minutes were not finalised.</translation>
    </message>
    <message>
        <source>Chốt biên bản</source>
        <translation>Finalise the minutes</translation>
    </message>
    <message>
        <source>Biên bản chốt phải có người ký: hãy chọn chủ trì (chủ tọa) và thư ký ở thẻ “Thông tin chung” trước.</source>
        <translation>Final minutes need their signers: choose the chair and the secretary in the “General” tab first.</translation>
    </message>
    <message>
        <source>Đã chốt biên bản: phiên bản {n}.</source>
        <translation>The minutes are final: version {n}.</translation>
    </message>
    <message>
        <source>Đã mở lại biên bản để sửa: bản sửa là phiên bản {n}.</source>
        <translation>The minutes are reopened for a correction: the correction is version {n}.</translation>
    </message>
    <message>
        <source>Không đổi được trạng thái biên bản: {reason}</source>
        <translation>The state of the minutes was not changed: {reason}</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Phối hợp</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Người chỉ đạo</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>{recurrence}, đến {date}</source>
        <translation>{recurrence}, until {date}</translation>
    </message>
    <message>
        <source>{deadline} (gia hạn)</source>
        <translation>{deadline} (extended)</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Mở lại để sửa</source>
        <translation>Reopen for a correction</translation>
    </message>
    <message>
        <source>Phiên bản {version} đã chốt vẫn được giữ nguyên trong lịch sử. Bản sửa sẽ là phiên bản {next}, là dự thảo cho đến khi chốt lại. Lý do sửa (bắt buộc):</source>
        <translation>Final version {version} stays as it is in the history. The correction will be version {next}, a draft until it is finalised. Reason for the correction (required):</translation>
    </message>
    <message>
        <source>Lý do sửa</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>&amp;Mở lại để sửa</source>
        <translation>&amp;Reopen for a correction</translation>
    </message>
</context>
<context>
    <name>RowKeys</name>
    <message>
        <source>Kéo thả hoặc Alt+↑/Alt+↓ để đổi thứ tự; Delete để xóa.</source>
        <translation>Drag, or Alt+↑/Alt+↓, to reorder; Delete to remove.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tên người dùng</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Địa chỉ kho lưu trữ</source>
        <translation>Archive address</translation>
    </message>
    <message>
        <source>để trống: tệp trên máy này; máy chủ: postgresql+psycopg://tên@máy-chủ/minutes</source>
        <translation>empty: the file on this computer; a server: postgresql+psycopg://name@server/minutes</translation>
    </message>
    <message>
        <source>Micrô để ghi âm</source>
        <translation>Microphone to record with</translation>
    </message>
    <message>
        <source>(micrô mặc định của hệ thống)</source>
        <translation>(the system&apos;s default microphone)</translation>
    </message>
    <message>
        <source>(loa mặc định của hệ thống)</source>
        <translation>(the system&apos;s default speakers)</translation>
    </message>
    <message>
        <source>Loa để nghe lại</source>
        <translation>Speakers to replay on</translation>
    </message>
    <message>
        <source> ngày trước hạn</source>
        <translation> days before the deadline</translation>
    </message>
    <message>
        <source>Số ngày trước hạn được tính là sắp đến hạn</source>
        <translation>How many days before its deadline a task is due soon</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Tên người dùng</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>&amp;Kho lưu trữ</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>&amp;Micrô</source>
        <translation>&amp;Microphone</translation>
    </message>
    <message>
        <source>L&amp;oa</source>
        <translation>Spea&amp;kers</translation>
    </message>
    <message>
        <source>Nhiệm vụ &amp;sắp đến hạn từ</source>
        <translation>Tasks are &amp;due soon from</translation>
    </message>
    <message>
        <source>Cụm từ nhanh</source>
        <translation>Quick phrases</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Cụm từ</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <source>&amp;Thêm cụm từ</source>
        <translation>&amp;Add phrase</translation>
    </message>
    <message>
        <source>&amp;Xóa cụm từ</source>
        <translation>&amp;Remove phrase</translation>
    </message>
    <message>
        <source>Cụm từ nhanh (chèn vào tóm tắt ý kiến bằng phím tắt, ví dụ Ctrl+1):</source>
        <translation>Quick phrases (inserted into a speech summary with a shortcut, e.g. Ctrl+1):</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực cho các cửa sổ mở sau đó; kho lưu trữ mới, khi mở lại ứng dụng. Mật khẩu máy chủ không lưu ở đây: ứng dụng hỏi khi cần và có thể giữ trong kho khóa của hệ thống.</source>
        <translation>A new language applies to windows opened afterwards; a new archive, when the application is started again. Server passwords are not stored here: the application asks when needed and can keep them in the system keyring.</translation>
    </message>
    <message>
        <source>Chọn tệp kho lưu trữ</source>
        <translation>Choose the archive file</translation>
    </message>
    <message>
        <source>Kho lưu trữ (*.sqlite3 *.db);;Mọi tệp (*)</source>
        <translation>Archives (*.sqlite3 *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SpeechLog</name>
    <message>
        <source>Khai mạc</source>
        <translation>Opening</translation>
    </message>
</context>
<context>
    <name>SpeechLogModel</name>
    <message>
        <source>(không nêu tên)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người phát biểu</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Thời lượng</source>
        <translation>Length</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Giờ bắt đầu của tệp ghi âm</source>
        <translation>Start time of the recording</translation>
    </message>
    <message>
        <source>Giờ bắt đầu ghi</source>
        <translation>Recording started at</translation>
    </message>
    <message>
        <source>Theo thông tin trong tệp “{file}”, bản ghi bắt đầu lúc này. Sửa nếu đồng hồ của máy ghi âm sai.</source>
        <translation>The file “{file}” says the recording started at this time. Correct it if the recorder&apos;s clock was wrong.</translation>
    </message>
    <message>
        <source>Tệp “{file}” không ghi giờ bắt đầu: hãy nhập giờ bắt đầu ghi âm, để các ý kiến khớp với bản ghi.</source>
        <translation>The file “{file}” does not say when it started: type the time the recording started, so that the speeches match it.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Thời gian phát biểu</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <source>Thời gian phát biểu của từng người</source>
        <translation>Speaking time of each speaker</translation>
    </message>
    <message>
        <source>Người phát biểu</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Số lần</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>(chưa rõ người phát biểu)</source>
        <translation>(speaker not set)</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Đã ghi âm {duration} trong {count} đoạn.</source>
        <translation>{duration} recorded in {count} segments.</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Trạng thái nhiệm vụ</source>
        <translation>Status of the task</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Đơn vị phối hợp</source>
        <translation>Partner units</translation>
    </message>
    <message>
        <source>cách nhau bằng dấu chấm phẩy</source>
        <translation>separated by semicolons</translation>
    </message>
    <message>
        <source>Loại thời hạn</source>
        <translation>Kind of deadline</translation>
    </message>
    <message>
        <source>theo thời hạn (ô Thời hạn của bảng)</source>
        <translation>by the deadline (the table’s Deadline column)</translation>
    </message>
    <message>
        <source>Các lần gia hạn</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Hạn mới</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>hạn mới</source>
        <translation>new deadline</translation>
    </message>
    <message>
        <source>Lý do gia hạn</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <source>lý do</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>Người cho phép gia hạn</source>
        <translation>Who granted the extension</translation>
    </message>
    <message>
        <source>người cho phép</source>
        <translation>granted by</translation>
    </message>
    <message>
        <source>&amp;Gia hạn</source>
        <translation>E&amp;xtend</translation>
    </message>
    <message>
        <source>Ghi lần gia hạn</source>
        <translation>Record the extension</translation>
    </message>
    <message>
        <source>Ngày hoàn thành</source>
        <translation>Day it was done</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>&amp;Hôm nay</source>
        <translation>T&amp;oday</translation>
    </message>
    <message>
        <source>Hoàn thành hôm nay</source>
        <translation>Done today</translation>
    </message>
    <message>
        <source>Kết quả thực hiện</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Số văn bản báo cáo</source>
        <translation>Number of the report document</translation>
    </message>
    <message>
        <source>số văn bản</source>
        <translation>document number</translation>
    </message>
    <message>
        <source>Ngày văn bản báo cáo</source>
        <translation>Date of the report document</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>dated</translation>
    </message>
    <message>
        <source>Ghi chú tiến độ</source>
        <translation>Progress notes</translation>
    </message>
    <message>
        <source>Ghi chú tiến độ mới</source>
        <translation>New progress note</translation>
    </message>
    <message>
        <source>tiến độ, Enter để thêm (ngày/tháng/năm: ở đầu nếu không phải hôm nay)</source>
        <translation>progress, Enter to add (day/month/year: first if not today)</translation>
    </message>
    <message>
        <source>Thông báo</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đơn vị &amp;chủ trì</source>
        <translation>Unit in &amp;charge</translation>
    </message>
    <message>
        <source>Đơn vị &amp;phối hợp</source>
        <translation>&amp;Partner units</translation>
    </message>
    <message>
        <source>&amp;Loại thời hạn</source>
        <translation>&amp;Kind of deadline</translation>
    </message>
    <message>
        <source>Gia hạn</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Hạn &amp;mới</source>
        <translation>Ne&amp;w deadline</translation>
    </message>
    <message>
        <source>Hoàn thành &amp;ngày</source>
        <translation>Do&amp;ne on</translation>
    </message>
    <message>
        <source>&amp;Kết quả</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>Văn bản &amp;báo cáo số</source>
        <translation>Report &amp;document no.</translation>
    </message>
    <message>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Gh&amp;i chú</source>
        <translation>Not&amp;e</translation>
    </message>
    <message>
        <source>đến {date}: {reason}</source>
        <translation>until {date}: {reason}</translation>
    </message>
    <message>
        <source>Ngày “{text}” không hợp lệ: hãy gõ ngày/tháng/năm, ví dụ 31/8/2026.</source>
        <translation>The date “{text}” is not valid: type day/month/year, e.g. 31/8/2026.</translation>
    </message>
    <message>
        <source>Hãy gõ hạn mới: ngày/tháng/năm, ví dụ 31/8/2026.</source>
        <translation>Type the new deadline: day/month/year, e.g. 31/8/2026.</translation>
    </message>
</context>
<context>
    <name>TaskRegisterWindow</name>
    <message>
        <source>Danh sách nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Số nhiệm vụ theo đơn vị chủ trì</source>
        <translation>Tasks by unit in charge</translation>
    </message>
    <message>
        <source>Số nhiệm vụ đang hiện</source>
        <translation>Tasks shown</translation>
    </message>
    <message>
        <source>Tìm trong nội dung, đơn vị, kết quả (không cần dấu)…</source>
        <translation>Search tasks, units, results (diacritics optional)…</translation>
    </message>
    <message>
        <source>Tìm nhiệm vụ</source>
        <translation>Find tasks</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>Chưa hoàn thành</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Trễ hạn (quá hạn, hoàn thành quá hạn)</source>
        <translation>Late (overdue, done late)</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Lọc theo đơn vị chủ trì</source>
        <translation>Filter by unit in charge</translation>
    </message>
    <message>
        <source>Tên cuộc họp</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>Lọc theo cuộc họp</source>
        <translation>Filter by meeting</translation>
    </message>
    <message>
        <source>Người chỉ đạo</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Mọi người chỉ đạo</source>
        <translation>Any leader</translation>
    </message>
    <message>
        <source>Thời gian giao nhiệm vụ</source>
        <translation>When the task was given</translation>
    </message>
    <message>
        <source>Mọi lúc</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>từ ngày</source>
        <translation>from</translation>
    </message>
    <message>
        <source>Giao từ ngày</source>
        <translation>Given from</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Giao đến ngày</source>
        <translation>Given until</translation>
    </message>
    <message>
        <source>Tì&amp;m</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Trạng t&amp;hái</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Đơn &amp;vị</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Cuộc họp</source>
        <translation>&amp;Meeting</translation>
    </message>
    <message>
        <source>&amp;Người chỉ đạo</source>
        <translation>Given &amp;by</translation>
    </message>
    <message>
        <source>&amp;Giao</source>
        <translation>&amp;Given</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Xuất ra &amp;Excel (XLSX)…</source>
        <translation>Export to &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Xuất &amp;báo cáo tình hình thực hiện ra DOCX…</source>
        <translation>Export the &amp;report to DOCX…</translation>
    </message>
    <message>
        <source>Xuất báo cáo tình hình thực hiện ra &amp;PDF…</source>
        <translation>Export the report to &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Mở cuộc họp của nhiệm vụ</source>
        <translation>&amp;Open the task’s meeting</translation>
    </message>
    <message>
        <source>Đọc &amp;lại kho lưu trữ</source>
        <translation>Re&amp;load the archive</translation>
    </message>
    <message>
        <source>Bỏ mọi &amp;điều kiện lọc</source>
        <translation>&amp;Clear every filter</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Đang chuẩn bị tìm kiếm…</source>
        <translation>Preparing the search…</translation>
    </message>
    <message>
        <source>{shown} / {total} nhiệm vụ · trạng thái tính đến ngày {today}</source>
        <translation>{shown} / {total} tasks · status as of {today}</translation>
    </message>
    <message>
        <source>Theo dõi nhiệm vụ</source>
        <translation>Task register</translation>
    </message>
    <message>
        <source>Báo cáo tình hình thực hiện nhiệm vụ</source>
        <translation>Report on the tasks</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Đã xuất {count} nhiệm vụ ra {file}</source>
        <translation>Exported {count} tasks to {file}</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <source>Vấn đề thảo luận, Enter để thêm</source>
        <translation>Topic discussed, Enter to add</translation>
    </message>
    <message>
        <source>Vấn đề thảo luận mới</source>
        <translation>New topic</translation>
    </message>
    <message>
        <source>&amp;Thêm</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Thêm vấn đề</source>
        <translation>Add topic</translation>
    </message>
    <message>
        <source>Vấn đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Các vấn đề thảo luận</source>
        <translation>Topics discussed</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Không tạo được văn bản (biên bản hoặc tin bài).</source>
        <translation>The document (minutes or article) could not be made.</translation>
    </message>
    <message>
        <source>Không đọc hoặc ghi được tệp cuộc họp.</source>
        <translation>The meeting file could not be read or written.</translation>
    </message>
    <message>
        <source>Không thực hiện được thay đổi vừa rồi.</source>
        <translation>The last change could not be made.</translation>
    </message>
    <message>
        <source>Thao tác vừa rồi trong cửa sổ không thực hiện được.</source>
        <translation>What you just did in the window could not be done.</translation>
    </message>
    <message>
        <source>Thao tác với kho lưu trữ không thực hiện được.</source>
        <translation>The archive could not do what was asked.</translation>
    </message>
    <message>
        <source>Thao tác vừa rồi không thực hiện được.</source>
        <translation>What you just did could not be done.</translation>
    </message>
    <message>
        <source>Lỗi không lường trước</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Chi tiết lỗi đã được ghi vào tệp:
{file}</source>
        <translation>The details of the error were written to the file:
{file}</translation>
    </message>
    <message>
        <source>Không ghi được tệp nhật ký lỗi: hãy chép chi tiết và gửi cho người hỗ trợ.</source>
        <translation>The error log could not be written: copy the details and send them to your support.</translation>
    </message>
    <message>
        <source>Lỗi không lường trước: {error}.</source>
        <translation>Unexpected error: {error}.</translation>
    </message>
    <message>
        <source>Dữ liệu cuộc họp vẫn an toàn: những gì đã lưu còn nguyên trong kho, có thể làm tiếp hoặc thử lại.</source>
        <translation>The meeting&apos;s data is safe: what was saved is still in the archive; you can go on or try again.</translation>
    </message>
    <message>
        <source>Chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Đã chép</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>UnitCountsModel</name>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Unit in charge</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tất cả các đơn vị</source>
        <translation>All units</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Trạng thái biên bản</source>
        <translation>State of the minutes</translation>
    </message>
</context>
</TS>
