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


def test_cut_at_word_cuts_between_words_and_marks_the_cut() -> None:
    from minutes_app.text import cut_at_word

    assert cut_at_word("Hội nghị sơ kết và triển khai nhiệm vụ", 30) == "Hội nghị sơ kết và triển khai"
    assert cut_at_word("Hội nghị sơ kết và triển khai nhiệm vụ", 31, "…") == "Hội nghị sơ kết và triển khai…"
    assert cut_at_word("Hội nghị  sơ\nkết", 40) == "Hội nghị sơ kết"  # short: only spaces made single
    assert cut_at_word("Hội nghị, sơ kết", 10, "…") == "Hội nghị…"  # no comma before the mark
    assert cut_at_word("Hội nghị sơ", 8) == "Hội nghị"  # a space right after the limit: whole words
    assert cut_at_word("Chuyểnđổisốtoàndiện", 8, "…") == "Chuyểnđ…"  # one long word: cut inside
