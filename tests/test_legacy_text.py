"""Text typed in TCVN3, VNI and Windows-1258: the tables, the conversion and the detection."""

import shutil
import subprocess
import unicodedata

import pytest

from minutes_app.legacy.codes import Encoding, decode, decode_text, font_encoding, tcvn3_table, vni_table
from minutes_app.legacy.detection import convert_texts, detect_bytes, detect_text
from minutes_app.legacy.pasted import convert_pasted, html_runs
from minutes_app.legacy.syllables import is_syllable
from minutes_app.package_data import resource
from tests.legacy_samples import (
    TONES,
    VOWELS,
    alphabet,
    encode,
    encode_bytes,
    english_lines,
    vietnamese_names,
    vietnamese_titles,
    without_diacritics,
)

LINES = vietnamese_names(300) + vietnamese_titles()


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_each_table_line_names_its_letter(name: str) -> None:
    text = resource("encodings", f"{name}.txt").read_text(encoding="utf-8")
    assert "Source:" in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert all(chr(int(point[2:], 16)) == letter for _code, point, letter in rows)
    assert len({code for code, _p, _l in rows}) == len({letter for _c, _p, letter in rows}) == len(rows)


def test_the_tables_hold_every_letter_beyond_ascii() -> None:
    letters = {c for c in alphabet() if not c.isascii()}
    assert len(letters) == 134
    assert set(vni_table().values()) == letters
    # TCVN3: the small letters, and the capitals without a tone (the others need a capitals font).
    small = {c for c in letters if c.islower()}
    assert set(tcvn3_table().values()) == small | set("ĂÂÊÔƠƯĐ")


def test_the_whole_alphabet_from_each_code_and_back() -> None:
    text = " ".join(alphabet())
    assert len(text.split()) == 2 * (len(VOWELS) * len(TONES) + 17)
    for encoding in (Encoding.VNI, Encoding.CP1258):
        data = encode_bytes(text, encoding)
        assert data.isascii() is False and len(set(data.split())) == len(text.split())
        assert decode(data, encoding) == text
    small = " ".join(c for c in alphabet() if not c.isupper())
    assert decode(encode_bytes(small, Encoding.TCVN3), Encoding.TCVN3) == small
    assert decode(encode_bytes("Ă Â Ê Ô Ơ Ư Đ", Encoding.TCVN3), Encoding.TCVN3) == "Ă Â Ê Ô Ơ Ư Đ"
    # Capitals with a tone are the small letters' codes in an upper-case font (.VnTimeH).
    capitals = " ".join(c for c in alphabet() if c.isupper())
    assert decode(encode_bytes(capitals, Encoding.TCVN3), Encoding.TCVN3_CAPITALS) == capitals
    assert decode(encode_bytes(small, Encoding.TCVN3), Encoding.TCVN3_CAPITALS) == small.upper()


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv")
def test_tcvn3_agrees_with_the_c_library() -> None:
    """glibc's TCVN5712-1 holds TCVN3 at A1-FE: an independent reading of every code."""
    for code, letter in tcvn3_table().items():
        data = code.encode("latin-1")
        done = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True)
        assert done.returncode == 0 and done.stdout.decode() == letter, data.hex()


@pytest.mark.parametrize(("text", "encoding", "unicode"), [
    ("Hµ Néi", Encoding.TCVN3, "Hà Nội"),
    ("Uû ban nh©n d©n tØnh", Encoding.TCVN3, "Uỷ ban nhân dân tỉnh"),
    ("Gi¸m ®èc Së Tµi chÝnh; BÝ th\xad §¶ng ñy", Encoding.TCVN3, "Giám đốc Sở Tài chính; Bí thư Đảng ủy"),
    ("Nguyeãn Thò Höông", Encoding.VNI, "Nguyễn Thị Hương"),
    ("UÛy ban nhaân daân tænh Ñaék Laék", Encoding.VNI, "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("Tröôøng Ñaïi hoïc Quy Nhôn", Encoding.VNI, "Trường Đại học Quy Nhơn"),
])
def test_old_text_is_recognised_and_read(text: str, encoding: Encoding, unicode: str) -> None:
    assert detect_text(text) is encoding
    assert decode_text(text, encoding) == unicode
    assert unicodedata.is_normalized("NFC", decode_text(text, encoding))


@pytest.mark.parametrize(("text", "unicode"), [
    ("NGUYÔN V¡N AN", "NGUYỄN VĂN AN"),  # typed in capitals: the font showed the toned ones small
    ("Phan Quèc ¸nh", "Phan Quốc Ánh"),  # a name beginning with a toned capital
    ("Hoµng Thu ¸nH", "Hoàng Thu ÁnH"),  # only the letter the font could not show changes
    ("¸nh s¸ng", "ánh sáng"),
    ("UBND tØnh", "UBND tỉnh"),
])
def test_tcvn3_gives_the_capitals_its_font_could_not_show(text: str, unicode: str) -> None:
    assert decode_text(text, Encoding.TCVN3) == unicode


def test_ordinary_text_is_never_taken_for_an_old_code() -> None:
    assert len(LINES) > 500
    for lines in (LINES, english_lines(300), without_diacritics(LINES)):
        assert [line for line in lines if detect_text(line) is not None] == []
        assert detect_text("\n".join(lines)) is None
    for text in ("Tô Lâm", "Lê Bá Hà", "Võ Tá Tâm", "5 × 3 · 2", "Café", "", "Đắk Lắk"):
        assert detect_text(text) is None


@pytest.mark.parametrize("encoding", [Encoding.TCVN3, Encoding.VNI])
def test_names_and_titles_in_an_old_code_are_found(encoding: Encoding) -> None:
    found = [line for line in LINES if detect_text(encode(line, encoding)) is encoding]
    # A short name may read as Unicode too ('Hoà' is VNI's 'Hồ'): it stays as pasted.
    assert len(found) >= 0.99 * len(LINES)
    whole = encode("\n".join(LINES), encoding)
    assert detect_text(whole) is encoding
    read = decode_text(whole, encoding).split("\n")
    names = len(vietnamese_names(300))
    assert read[:names] == LINES[:names]
    if encoding is Encoding.VNI:
        assert read == LINES
    else:
        # TCVN3 cannot hold 'Ủy' in the middle of a title: the font showed 'ủy'.
        assert [line.casefold() for line in read] == [line.casefold() for line in LINES]


@pytest.mark.parametrize("encoding", [Encoding.CP1258, Encoding.TCVN3, Encoding.VNI])
def test_the_code_of_a_file_is_found(encoding: Encoding) -> None:
    assert detect_bytes(encode_bytes("\n".join(LINES), encoding)) is encoding
    assert detect_bytes(b"Ho va ten\nNguyen Van An\n") is Encoding.CP1258
    assert detect_bytes(b"\x81\x8d\x8f\x90") is None  # undefined in Windows-1258, no letters


def test_syllables() -> None:
    for word in ("người", "Nguyễn", "khuya", "thuở", "quốc", "giữa", "hoà", "hòa", "thuỷ", "ngoài", "Đắk"):
        assert is_syllable(word), word
    for word in ("Néi", "nh©n", "theỏ", "quoác", "ñinh", "cac", "café", "UBND", "thủỷ", "hàà"):
        assert not is_syllable(word), word


def test_fonts_name_their_code() -> None:
    assert font_encoding(".VnTime") is Encoding.TCVN3
    assert font_encoding(".VnArial Narrow") is Encoding.TCVN3
    assert font_encoding(".VnTimeH") is Encoding.TCVN3_CAPITALS
    assert font_encoding(".VnArial NarrowH") is Encoding.TCVN3_CAPITALS
    assert font_encoding("VNI-Times") is Encoding.VNI
    assert font_encoding("VNI-Helve-Condense") is Encoding.VNI
    assert [font_encoding(f) for f in ("Times New Roman", "Arial", "", None, "Vni")] == [None] * 5


def test_pieces_are_read_by_their_font_or_by_their_words() -> None:
    converted = convert_texts([(text, font_encoding(font)) for text, font in [
        ("Hä vµ tªn", "Times New Roman"),  # no code in the font: the words tell
        ("NguyÔn V¨n Hïng", "Arial"),
        ("céng hoµ x· héi", ".VnTimeH"),
        ("ubnd tinh", ".VnTimeH"),  # the capitals font draws ASCII letters as capitals too
        ("Tô Lâm", ".VnTime"),  # the font says TCVN3: what it showed was 'Tụ Lõm'
        ("Nguyễn Văn An", ".VnTime"),  # typed in Unicode, the font changed later: as it is
        ("Nguyeãn Thò Lan", "VNI-Times"),
        ("12", None),
    ]])
    assert converted.texts == ["Họ và tên", "Nguyễn Văn Hùng", "CỘNG HOÀ XÃ HỘI", "UBND TINH", "Tụ Lõm",
                               "Nguyễn Văn An", "Nguyễn Thị Lan", "12"]
    assert converted.encodings == {Encoding.TCVN3, Encoding.TCVN3_CAPITALS, Encoding.VNI}
    assert convert_texts([("Hà Nội", None), ("Nguyễn Văn An", "Times New Roman")]).encodings == set()


# Clipboard HTML as Word, Excel and LibreOffice write it (trimmed): Word escapes a font
# name's leading dot and names the paragraph style's font in a style sheet.
WORD_HTML = """<html><head><meta charset="utf-8"><style><!--
@font-face {font-family:"\\.VnTime"; panose-1:2 11 114 0 0 0 0 0 0 0;}
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:14.0pt; font-family:"\\.VnTime",sans-serif;}
--></style></head><body lang=EN-US><!--StartFragment-->
<p class=MsoNormal align=center><b><span style='font-family:"\\.VnTimeH";mso-bidi-font-family:Arial'>uû ban
nh©n d©n</span></b></p>
<p class=MsoNormal>Hµ Néi, ngµy 10 th¸ng 7 n¨m 2026</p>
<p class=MsoNormal><span style='font-family:"Times New Roman",serif'>Tô Lâm</span></p>
<!--EndFragment--></body></html>"""
EXCEL_HTML = """<html><head><style>
.xl65 {font-family:"VNI-Times", serif; mso-font-charset:0;}
td {font-family:Calibri, sans-serif;}
</style></head><body><table><!--StartFragment-->
<tr><td class=xl65>Nguyeãn Thò Höông</td><td>Lê Văn Tám</td></tr>
<!--EndFragment--></table></body></html>"""
LIBREOFFICE_HTML = '<p><font face=".VnTime, serif">Tô</font> <font face="Liberation Serif">Tô</font></p>'
LIBREOFFICE_CAPITALS = '<p><font face=".VnTimeH, serif">ubnd tØnh</font></p>'


def test_clipboard_html_gives_each_piece_its_font() -> None:
    assert [run for run in html_runs(WORD_HTML) if run[0].strip()] == [
        ("uû ban\nnh©n d©n", ".VnTimeH"), ("Hµ Néi, ngµy 10 th¸ng 7 n¨m 2026", ".VnTime"),
        ("Tô Lâm", "Times New Roman")]
    assert [run for run in html_runs(EXCEL_HTML) if run[0].strip()] == [
        ("Nguyeãn Thò Höông", "VNI-Times"), ("Lê Văn Tám", "Calibri")]
    assert html_runs(LIBREOFFICE_HTML) == [("Tô", ".VnTime"), (" ", None), ("Tô", "Liberation Serif")]


def test_a_paste_is_read_by_its_fonts_where_the_clipboard_has_them() -> None:
    text = "uû ban nh©n d©n\r\nHµ Néi, ngµy 10 th¸ng 7 n¨m 2026\r\nTô Lâm"
    assert convert_pasted(text, WORD_HTML) == (
        "UỶ BAN NHÂN DÂN\r\nHà Nội, ngày 10 tháng 7 năm 2026\r\nTô Lâm", {Encoding.TCVN3_CAPITALS, Encoding.TCVN3})
    # Without fonts, the words decide, for the whole paste.
    assert convert_pasted(text) == (
        "uỷ ban nhân dân\r\nHà Nội, ngày 10 tháng 7 năm 2026\r\nTụ Lõm", {Encoding.TCVN3})
    assert convert_pasted("Nguyeãn Thò Höông\tLê Văn Tám", EXCEL_HTML) == (
        "Nguyễn Thị Hương\tLê Văn Tám", {Encoding.VNI})
    # A name whose words cannot tell (TCVN3's 'Tô' is 'Tụ'): its font does.
    assert convert_pasted("Tô Tô", LIBREOFFICE_HTML) == ("Tụ Tô", {Encoding.TCVN3})
    assert convert_pasted("Tô Tô") is None
    assert convert_pasted("ubnd tØnh", LIBREOFFICE_CAPITALS) == ("UBND TỈNH", {Encoding.TCVN3_CAPITALS})
    # HTML that holds other text than the plain text: the words decide.
    assert convert_pasted("Hµ Néi", "<p style='font-family:Arial'>something else</p>") == ("Hà Nội", {Encoding.TCVN3})
    assert convert_pasted("Hà Nội", WORD_HTML) is None
