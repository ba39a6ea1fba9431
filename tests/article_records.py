"""Records of four kinds of meeting, written for the news article's house style."""

from typing import Any

V2 = "minutes-app.meeting/2"

# A Party conference: a guest of honour, a member of the committee who speaks twice, a quote.
PARTY_CONFERENCE: dict[str, Any] = {
    "format": V2,
    "title": "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026",
    "style": "party",
    "organizer": {"name": "Ban Thường vụ Tỉnh ủy"},
    "starts_at": "2026-07-14T08:00",
    "chair": "bt",
    "attendees": [
        {"id": "bt", "name": "Hoàng Văn Sơn", "titles": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
         "group": "Ủy viên Ban Thường vụ Tỉnh ủy"},
        {"id": "tw", "name": "Nguyễn Thị Bích", "titles": ["Phó Trưởng Ban Tổ chức Trung ương"],
         "group": "Đại biểu Trung ương", "guest_of_honour": True},
        {"id": "pct", "name": "Lê Văn An", "titles": ["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh"],
         "group": "Ủy viên Ban Chấp hành Đảng bộ tỉnh"},
        {"id": "tc", "name": "Đinh Thị Hạnh", "titles": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"],
         "group": "Ủy viên Ban Thường vụ Tỉnh ủy"},
        {"id": "sb", "name": "Võ Minh Quân", "titles": ["Bí thư Huyện ủy Nam Đàn"], "group": "Bí thư các huyện ủy"},
        {"id": "tk", "name": "Phạm Thu Hà", "titles": ["Chuyên viên Văn phòng Tỉnh ủy"], "group": "Thư ký"},
    ],
    "secretary": "tk",
    "speeches": [
        {"speaker": "tc", "kind": "report", "subject": "kết quả công tác xây dựng Đảng 6 tháng đầu năm",
         "summary": "6 tháng đầu năm, toàn Đảng bộ kết nạp 1.214 đảng viên mới, đạt 58,4% kế hoạch năm."},
        {"speaker": "pct", "kind": "opinion", "photo": "p1",
         "summary": "Đề nghị gắn công tác xây dựng Đảng với cải cách hành chính. Phải coi cải cách hành chính là "
                    "khâu đột phá của cả nhiệm kỳ. Các cấp ủy cần kiểm tra thường xuyên.",
         "quote": "Phải coi cải cách hành chính là khâu đột phá của cả nhiệm kỳ"},
        {"speaker": "sb", "kind": "opinion",
         "summary": "Huyện Nam Đàn đã hoàn thành sắp xếp các chi bộ thôn, xóm; kiến nghị hướng dẫn cụ thể về "
                    "cải cách hành chính trong các cơ quan đảng."},
        {"speaker": "pct", "kind": "opinion",
         "summary": "Bổ sung chỉ tiêu số hóa hồ sơ đảng viên trong năm 2026."},
        {"speaker": "tw", "kind": "opinion", "photo": "p2",
         "summary": "Ghi nhận kết quả Đảng bộ tỉnh đạt được; đề nghị chú trọng công tác cán bộ."},
        {"speaker": "bt", "kind": "conclusion", "photo": "p3",
         "summary": "Ghi nhận, đánh giá cao kết quả 6 tháng đầu năm; yêu cầu các cấp ủy tập trung lãnh đạo "
                    "hoàn thành các chỉ tiêu năm 2026."},
    ],
    "directives": [
        {"addressee": "Các Ban xây dựng Đảng của Tỉnh ủy", "content": "tham mưu sơ kết công tác cán bộ"},
        {"addressee": "Ban Tổ chức Tỉnh ủy", "content": "hướng dẫn số hóa hồ sơ đảng viên",
         "deadline": "2026-09-30"},
        {"addressee": "Thành viên Ban Chỉ đạo", "content": "kiểm tra việc thực hiện tại cơ sở"},
    ],
    "photos": [{"id": "p0", "file": "p0.jpg"}, {"id": "p1", "file": "p1.jpg"}, {"id": "p2", "file": "p2.jpg"},
               {"id": "p3", "file": "p3.jpg"}],
    "press_release": {"author": "Minh Khang"},
}

# A state conference: a background paragraph, two reports in a row, abbreviations, lower-cased
# addressees, a summary that already says 'trình bày'.
STATE_CONFERENCE: dict[str, Any] = {
    "format": V2,
    "title": "Hội nghị triển khai nhiệm vụ bảo đảm trật tự an toàn giao thông năm 2026",
    "style": "state",
    "organizer": {"name": "Ban An toàn giao thông tỉnh"},
    "starts_at": "2026-02-26T14:00",
    "chair": "c",
    "attendees": [
        {"id": "c", "name": "Lê Văn An",
         "titles": ["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh", "Trưởng Ban An toàn giao thông tỉnh"],
         "group": "Chủ trì"},
        {"id": "gt", "name": "Trần Hữu Phúc", "titles": ["Giám đốc Sở Giao thông vận tải"],
         "group": "Lãnh đạo các sở, ngành"},
        {"id": "ca", "name": "Nguyễn Đức Thắng", "titles": ["Phó Giám đốc Công an tỉnh"],
         "group": "Lãnh đạo các sở, ngành"},
        {"id": "nd", "name": "Hồ Thị Lam", "titles": ["Chủ tịch UBND huyện Nam Đàn"],
         "group": "Đại diện UBND các huyện, thành phố"},
    ],
    "speeches": [
        {"speaker": "gt", "kind": "report", "subject": "kết quả bảo đảm trật tự an toàn giao thông năm 2025",
         "summary": "Năm 2025, toàn tỉnh xảy ra 412 vụ tai nạn giao thông, giảm 8,2% so với năm 2024. Công tác "
                    "bảo đảm trật tự an toàn giao thông trên các tuyến quốc lộ được tăng cường."},
        {"speaker": "ca", "kind": "report", "subject": "dự thảo kế hoạch cao điểm",
         "summary": "Trình bày dự thảo kế hoạch cao điểm bảo đảm trật tự an toàn giao thông dịp Lễ hội; "
                    "đề nghị bổ sung lực lượng tuần tra ban đêm."},
        {"speaker": "nd", "kind": "opinion",
         "summary": "Huyện Nam Đàn đã lắp 14 camera giám sát tại các điểm đen về trật tự an toàn giao thông."},
        {"speaker": "c", "kind": "conclusion", "photo": "p1",
         "summary": "Ghi nhận kết quả năm 2025; yêu cầu các cấp, các ngành quyết liệt kiềm chế tai nạn giao "
                    "thông, giảm từ 5% đến 10% trên cả 3 tiêu chí.",
         "quote": "Không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng trong dịp Lễ hội"},
    ],
    "directives": [
        {"addressee": "Các Sở, ngành", "content": "tăng cường tuyên truyền về trật tự an toàn giao thông"},
        {"addressee": "Sở Giao thông vận tải", "content": "rà soát, xử lý các điểm đen", "deadline": "2026-03-31"},
        {"addressee": "Công an tỉnh", "content": "mở đợt cao điểm xử lý vi phạm nồng độ cồn"},
        {"addressee": "UBND huyện Nam Đàn", "content": "hoàn thành lắp đặt camera tại các nút giao",
         "deadline": "2026-04-30"},
    ],
    "photos": [{"id": "p0", "file": "p0.jpg"}, {"id": "p1", "file": "p1.jpg"}],
    "press_release": {
        "author": "Tin, ảnh: HẢI ĐĂNG",
        "background": "Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX về phát triển "
                      "kết cấu hạ tầng giao thông.",
    },
}

# A 'cuộc họp' with one chair and a few attendees in no group.
SMALL_MEETING: dict[str, Any] = {
    "format": V2,
    "title": "Cuộc họp giao ban Văn phòng Sở tháng 9 năm 2026",
    "style": "state",
    "organizer": {"name": "Văn phòng Sở Nội vụ"},
    "starts_at": "2026-09-07T08:30",
    "chair": "a",
    "attendees": [
        {"id": "a", "name": "Ngô Văn Hải", "titles": ["Chánh Văn phòng Sở Nội vụ"]},
        {"id": "b", "name": "Lý Thị Hoa", "titles": ["Phó Chánh Văn phòng", "Phụ trách công tác văn thư"]},
        {"id": "c", "name": "Đào Minh Tú", "titles": ["Chuyên viên"]},
    ],
    "speeches": [
        {"speaker": "b", "kind": "report",
         "summary": "Tháng 8, Văn phòng tiếp nhận 1.032 văn bản đến, phát hành 418 văn bản đi."},
        {"speaker": "c", "kind": "opinion", "summary": "Đề xuất số hóa toàn bộ hồ sơ lưu trữ năm 2020."},
        {"speaker": "b", "kind": "opinion", "summary": "Thống nhất với đề xuất; cần thêm 2 máy quét."},
        {"speaker": "a", "kind": "conclusion", "summary": "Đồng ý mua bổ sung 2 máy quét."},
    ],
    "directives": [{"addressee": "Bộ phận văn thư", "content": "lập kế hoạch số hóa", "deadline": "2026-09-30"}],
}


def long_meeting() -> dict[str, Any]:
    """A long conference: ten interventions and ten directives."""
    sectors = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
               "Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo"]
    attendees = [{"id": "chair", "name": "Trương Công Định", "titles": ["Chủ tịch UBND tỉnh"], "group": "Chủ trì"}]
    speeches: list[dict[str, Any]] = [{
        "speaker": "s0", "kind": "report", "subject": "tình hình kinh tế - xã hội năm 2026",
        "summary": "Tăng trưởng kinh tế - xã hội đạt 8,1%, cao nhất trong 5 năm. Thu ngân sách đạt 14.250 tỷ "
                   "đồng, vượt 6% dự toán; kim ngạch xuất khẩu đạt 1,9 tỷ USD.",
    }]
    directives = []
    for number, sector in enumerate(sectors):
        attendees.append({"id": f"s{number}", "name": f"Người Phát Biểu {chr(65 + number)}",
                          "titles": [f"Giám đốc {sector}"], "group": "Lãnh đạo các sở, ngành"})
        if number:
            speeches.append({"speaker": f"s{number}", "kind": "opinion", "summary": (
                f"{sector} đã hoàn thành các chỉ tiêu được giao trong năm 2026, trong đó nhiều chỉ tiêu vượt kế "
                "hoạch; tuy nhiên việc giải ngân vốn đầu tư công còn chậm do vướng mắc trong giải phóng mặt bằng "
                "và thủ tục đầu tư. Đề nghị UBND tỉnh sớm ban hành cơ chế phối hợp giữa các ngành để tháo gỡ khó "
                "khăn, bảo đảm tiến độ các công trình trọng điểm trong năm 2027.")})
        directives.append({"addressee": sector, "content": "chủ động rà soát, tham mưu giải pháp tháo gỡ vướng mắc "
                           "thuộc lĩnh vực phụ trách", **({"deadline": f"2027-01-{10 + number}"} if number % 2 else {})})
    speeches.append({"speaker": "chair", "kind": "conclusion", "summary": (
        "Biểu dương kết quả đạt được; yêu cầu các sở, ngành, địa phương tập trung hoàn thành toàn diện các mục "
        "tiêu phát triển kinh tế - xã hội năm 2027.")})
    return {
        "format": V2,
        "title": "Hội nghị tổng kết nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "style": "state",
        "organizer": {"name": "UBND tỉnh"},
        "starts_at": "2026-12-20T08:00",
        "chair": "chair",
        "attendees": attendees,
        "speeches": speeches,
        "topics": [{"title": "Giải ngân vốn đầu tư công và tháo gỡ vướng mắc về giải phóng mặt bằng"},
                   {"title": "Cơ chế phối hợp giữa các ngành"}],
        "directives": directives,
        "press_release": {"author": "Quang Minh"},
    }
