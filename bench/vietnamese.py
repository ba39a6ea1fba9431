"""Seeded Vietnamese text of the kind a provincial secretary records: names, titles,
bodies, meeting titles and speech summaries built from the phrases of such minutes."""

import random

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lưu", "Y")
MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Đức", "Thu", "Hồng", "Thanh", "Ngọc", "Hữu", "Xuân", "Đình",
          "Kim", "Bảo", "Thế", "Công")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Tấn", "Thảo",
         "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Đạt", "Lực", "Nhung", "Quyết", "Thắng")

PROVINCE = "Minh Sơn"
DEPARTMENTS = (
    "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp", "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông", "Ban Dân tộc tỉnh", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
)
DISTRICTS = ("Tân Phú", "Đông Hòa", "Sơn Hà", "Bình Minh", "Phước Long", "An Khê", "Hòa Bình",
             "Krông Năng", "Ea Súp", "Lạc Dương", "Bắc Ái", "Quế Sơn")
GROUPS = (
    "Chủ trì", "Thường trực Tỉnh ủy", "Lãnh đạo UBND tỉnh", "Lãnh đạo các sở, ban, ngành",
    "Lãnh đạo UBND các huyện, thị xã, thành phố", "Đại diện các hội, đoàn thể", "Đại biểu mời", "Thư ký",
)
FIELDS = (
    "chuyển đổi số", "cải cách hành chính", "xây dựng nông thôn mới", "giải ngân vốn đầu tư công",
    "phòng, chống thiên tai", "bảo đảm an toàn giao thông", "giảm nghèo bền vững", "thu ngân sách nhà nước",
    "phát triển du lịch", "bảo vệ môi trường", "chăm sóc sức khỏe nhân dân", "giáo dục và đào tạo",
    "phòng, chống tham nhũng", "thông tin đối ngoại", "quản lý đất đai", "an sinh xã hội",
)

_SUBJECTS = (
    "toàn tỉnh", "các sở, ngành", "UBND các huyện", "ngành giáo dục", "các địa phương", "đơn vị",
    "Ban Chỉ đạo", "các xã vùng sâu, vùng xa", "ngành y tế", "các doanh nghiệp", "cán bộ, công chức cấp xã",
    "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "bộ phận một cửa", "lực lượng vũ trang", "Mặt trận Tổ quốc",
)
_VERBS = (
    "đã triển khai", "tiếp tục đẩy mạnh", "đề nghị bổ sung", "cần tập trung", "chưa hoàn thành",
    "đã phối hợp thực hiện", "kiến nghị tháo gỡ", "thống nhất với", "đề xuất ưu tiên", "khẩn trương rà soát",
    "chủ động tham mưu", "nghiêm túc quán triệt", "tăng cường kiểm tra", "cơ bản hoàn thành",
    "đã bố trí", "sớm ban hành", "quyết liệt chỉ đạo", "còn lúng túng trong",
)
_OBJECTS = (
    "kế hoạch chuyển đổi số", "công tác cải cách hành chính", "nguồn vốn đầu tư công",
    "dự án đường giao thông nông thôn", "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "hạ tầng mạng viễn thông", "thủ tục hành chính", "cơ sở dữ liệu quốc gia về dân cư",
    "kinh phí sự nghiệp", "công tác tuyên truyền", "chỉ tiêu thu ngân sách", "việc giải phóng mặt bằng",
    "quy hoạch sử dụng đất", "đội ngũ cán bộ cơ sở", "hồ sơ trực tuyến toàn trình", "nhà ở cho hộ nghèo",
    "phương án phòng, chống lụt bão", "chất lượng dịch vụ y tế", "trường học đạt chuẩn quốc gia",
    "các công trình trọng điểm", "nguồn nhân lực công nghệ thông tin", "việc thu gom rác thải",
)
_COMPLEMENTS = (
    "trong 6 tháng đầu năm", "tại các xã vùng sâu, vùng xa", "theo đúng tiến độ",
    "so với cùng kỳ năm trước", "trên địa bàn tỉnh", "trong thời gian tới", "một cách đồng bộ",
    "theo chỉ đạo của UBND tỉnh", "để kịp thời tháo gỡ khó khăn", "bảo đảm công khai, minh bạch",
    "phù hợp với điều kiện thực tế", "ngay trong quý này", "với sự tham gia của người dân",
)
_FIGURES = (
    "đạt {p},{q}% kế hoạch", "tăng {p},{q}% so với cùng kỳ", "với tổng kinh phí {p}.{q}00 triệu đồng",
    "trước ngày {d}/{m}", "tại {p} xã, phường", "cho {p}.{q}00 hộ dân",
)
_ACTIONS = ("chủ trì xây dựng", "phối hợp rà soát", "khẩn trương hoàn thiện", "tiếp tục triển khai",
            "tham mưu bố trí", "kiểm tra, đôn đốc")
_LINKS = ("; đồng thời", ", trong đó", "; tuy nhiên", ", nhất là", "; qua đó")


class TextMaker:
    """Text from one seeded generator, so the same seed always gives the same data."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: tuple[str, ...]) -> str:
        return items[self.rng.randrange(len(items))]

    def name(self) -> str:
        middle = self.pick(MIDDLE)
        if self.rng.random() < 0.3:
            middle = f"{middle} {self.pick(MIDDLE)}"
        return f"{self.pick(FAMILY)} {middle} {self.pick(GIVEN)}"

    def body(self) -> str:
        if self.rng.random() < 0.6:
            return self.pick(DEPARTMENTS)
        return f"UBND huyện {self.pick(DISTRICTS)}"

    def title(self, body: str) -> str:
        if body.startswith("UBND"):
            return f"{self.pick(('Chủ tịch', 'Phó Chủ tịch'))} {body}"
        head = "Chánh" if body.startswith(("Thanh tra", "Văn phòng")) else "Trưởng" if body.startswith("Ban") \
            else "Giám đốc"
        return f"{self.pick((head, 'Phó ' + head))} {body}"

    def meeting_title(self, year: int) -> str:
        field = self.pick(FIELDS)
        match self.rng.randrange(4):
            case 0:
                return f"Hội nghị sơ kết công tác {field} 6 tháng đầu năm {year}"
            case 1:
                return f"Hội nghị tổng kết công tác {field} năm {year} và triển khai nhiệm vụ năm {year + 1}"
            case 2:
                return f"Họp giao ban tháng {self.rng.randint(1, 12)} năm {year}"
            case _:
                return f"Phiên họp Ban Chỉ đạo {field} tỉnh lần thứ {self.rng.randint(1, 9)}"

    def figure(self) -> str:
        return self.pick(_FIGURES).format(
            p=self.rng.randint(2, 98), q=self.rng.randint(1, 9), d=self.rng.randint(1, 28), m=self.rng.randint(1, 12)
        )

    def clause(self) -> str:
        parts = [self.pick(_SUBJECTS), self.pick(_VERBS), self.pick(_OBJECTS)]
        if self.rng.random() < 0.6:
            parts.append(self.pick(_COMPLEMENTS))
        if self.rng.random() < 0.35:
            parts.append(self.figure())
        return " ".join(parts)

    def sentence(self) -> str:
        text = self.clause()
        if self.rng.random() < 0.5:
            text += f"{self.pick(_LINKS)} {self.clause()}"
        return text[0].upper() + text[1:] + "."

    def summary(self, words: int) -> str:
        """About ``words`` words (syllables, as Vietnamese counts them), in paragraphs."""
        paragraphs: list[list[str]] = [[]]
        count = 0
        while count < words:
            sentence = self.sentence()
            length = len(sentence.split())
            if count and count + length / 2 > words:
                break  # the nearest whole sentence
            count += length
            if paragraphs[-1] and self.rng.random() < 0.2:
                paragraphs.append([])
            paragraphs[-1].append(sentence)
        return "\n\n".join(" ".join(p) for p in paragraphs)

    def topic(self) -> str:
        return f"{self.pick(_VERBS).capitalize()} {self.pick(_OBJECTS)} {self.pick(_COMPLEMENTS)}"

    def directive(self) -> tuple[str, str]:
        """An addressee and what they must do."""
        return self.body(), f"{self.pick(_ACTIONS)} {self.pick(_OBJECTS)} {self.pick(_COMPLEMENTS)}"
