"""Text in the old codes, made from Unicode by inverting the shipped tables, and real-looking
names and titles to try the detection on."""

import itertools
import random
import unicodedata

from minutes_app.legacy.codes import Encoding, tcvn3_table, vni_table, windows_bytes
from minutes_app.text import fold

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"


def alphabet() -> list[str]:
    """Every Vietnamese letter: each vowel with each tone, đ, and the consonants; small then capital."""
    small = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
    small += list("bcdđghklmnpqrstvx")
    return small + [c.upper() for c in small]


def encode(text: str, encoding: Encoding) -> str:
    """``text`` typed in ``encoding``, as Windows-1252 shows it (as Word holds it)."""
    if encoding is Encoding.CP1258:
        raise ValueError("Windows-1258 is written as bytes")
    table = tcvn3_table() if encoding in (Encoding.TCVN3, Encoding.TCVN3_CAPITALS) else vni_table()
    codes = {letter: code for code, letter in table.items()}
    # TCVN3 has no capitals with a tone: the small letter's code, in an upper-case font.
    return "".join(codes.get(c) or codes.get(c.lower()) or c for c in unicodedata.normalize("NFC", text))


def encode_bytes(text: str, encoding: Encoding) -> bytes:
    if encoding is not Encoding.CP1258:
        data = windows_bytes(encode(text, encoding))
        assert data is not None
        return data
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            # As Windows writes it: the letter without its tone, then the tone's combining mark.
            decomposed = unicodedata.normalize("NFD", char)
            tone = next(c for c in decomposed if c in TONES)
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lò Hà Tô "
          "Lâm Mai Trịnh Đoàn Lương Cao Tạ Quách Kiều Thái Triệu Khổng Lục Ông Âu Ứng Y").split()
MIDDLE = "Văn Thị Hữu Đức Minh Quốc Thanh Ngọc Xuân Thu Bảo Đình Công Quang Kim Hồng Thế Anh Mạnh Diệu".split()
GIVEN = ("An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Minh Nam "
         "Nga Nghĩa Ngọc Phong Phúc Phương Quân Quyên Sơn Tâm Tân Thắng Thảo Thủy Tiến Trang Trung "
         "Tuấn Vân Việt Yến Ánh Ái Ước Uyên Oanh Hường Nguyệt Khuê Thoa Huệ Tuyết Khuyến Páo").split()
POSITIONS = ["Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng",
             "Chánh Văn phòng", "Chuyên viên", "Bí thư", "Phó Bí thư", "Ủy viên", "Trưởng ban", "Thư ký"]
BODIES = ["UBND tỉnh", "Hội đồng nhân dân huyện", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ",
          "Sở Y tế", "Sở Giáo dục và Đào tạo", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc xã",
          "Đảng ủy khối Cơ quan", "Phòng Tổ chức cán bộ", "Văn phòng Đoàn đại biểu Quốc hội",
          "Sở Nông nghiệp và Phát triển nông thôn", "Liên đoàn Lao động tỉnh", "Công an huyện"]
PLACES = ["Hà Nội", "Quảng Nam", "Thừa Thiên Huế", "Đắk Lắk", "Bà Rịa – Vũng Tàu", "Lạng Sơn", "Cà Mau",
          "Hải Dương", "Nghệ An", "Bình Định", "Điện Biên", "Yên Bái"]

ENGLISH_NAMES = ["John Smith", "Mary O'Neill", "José Álvarez", "François Dupont", "Jürgen Müller",
                 "Søren Kierkegaard", "Zoë Adams", "Renée Lefèvre", "Björn Andersson", "Chloé Martin",
                 "André Gide", "Noël Coward", "Ana María Peña", "Łukasz Nowak", "Gaëlle Ménard",
                 "Ingrid Bergström", "Paulo Conceição", "Héloïse Blanc", "Dag Hammarskjöld", "Ève Curie"]
ENGLISH_TITLES = ["Director of the Department of Finance", "Vice Chairman of the Provincial People's Committee",
                  "Head of the Organisation Office", "Secretary of the Party Committee", "Chief of Staff",
                  "Senior Officer, Planning and Investment", "Consul of France in Đà Nẵng", "Attaché (culture)",
                  "Rapporteur for the café sector", "Chargé d'affaires a.i.", "Head of Naïve Art Museum",
                  "Director-General, Protégé Programme", "Coördinator of the Résumé Service"]


def vietnamese_names(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(count)]


def vietnamese_titles() -> list[str]:
    return [f"{position} {body}" for position, body in itertools.product(POSITIONS, BODIES)] + [
        f"Chủ tịch UBND tỉnh {place}" for place in PLACES
    ]


def english_lines(count: int, seed: int = 2) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(ENGLISH_NAMES)}, {rng.choice(ENGLISH_TITLES)}" for _ in range(count)] + ENGLISH_NAMES


def without_diacritics(lines: list[str]) -> list[str]:
    """As typed on a keyboard without Vietnamese ('Nguyen Van An'), case kept."""
    return ["".join(f if c.lower() == c else f.upper() for c, f in zip(line, fold(line), strict=True))
            for line in lines]
