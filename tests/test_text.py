import unicodedata

from minutes_app.text import clean, clean_name, fold, xml_safe


def test_clean_makes_nfc_and_replaces_lone_surrogates() -> None:
    assert clean(unicodedata.normalize("NFD", "Đắk Lắk")) == "Đắk Lắk"
    assert clean("a\ud800b") == "a\ufffdb"
    assert clean("😀 <&> \x0b") == "😀 <&> \x0b"
    assert clean("a\x00b") == "ab"


def test_clean_name_collapses_spaces() -> None:
    assert clean_name("  Nguyễn\u00a0 Văn   An\t") == "Nguyễn Văn An"


def test_fold_removes_diacritics_and_case_including_d() -> None:
    assert fold("Phạm Minh Tấn") == "pham minh tan"
    assert fold("ĐẶNG Thu Trang, Đắk Lắk") == "dang thu trang, dak lak"


def test_xml_safe_removes_only_illegal_characters() -> None:
    assert xml_safe("A\x0bB\x0cC\x00D\tE\nF <&> 😀 \ud800") == "ABCD\tE\nF <&> 😀 "
