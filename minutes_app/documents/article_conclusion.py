"""The conclusion of the news article: several sentences joined as the press joins them.

The chair's assessment first ('ghi nhận, biểu dương …'), then the direction for the time
ahead ('Trong thời gian tới, …'), then the tasks: those for bodies in general, those for
named bodies ('Trong đó, Sở Tài chính …'), those with a deadline ('Trước mắt, …').
"""

from collections.abc import Iterable
from dataclasses import dataclass

from minutes_app.documents.wording import (
    capitalize_first,
    clauses,
    continue_sentence,
    mid_sentence,
    sentence,
    sentences,
    short_date,
    starts_with_verb,
)
from minutes_app.model import Directive

# Clauses that assess what was done, with which a conclusion opens.
ASSESSING = ("ghi nhận", "biểu dương", "đánh giá", "hoan nghênh", "khen ngợi", "cảm ơn", "khẳng định",
             "chúc mừng", "đồng tình", "đồng ý", "nhất trí", "thống nhất")
# Words with which a task's own action begins: a sub-heading starts there.
ACTIONS = ("tập trung", "đẩy mạnh", "tăng cường", "nâng cao", "quyết liệt", "triển khai", "hoàn thành",
           "bảo đảm", "đảm bảo", "phấn đấu", "xây dựng", "rà soát", "khẩn trương", "chú trọng",
           "quán triệt", "phát huy", "tiếp tục", "thực hiện", "đổi mới", "nâng cấp", "kiện toàn")


@dataclass(frozen=True)
class Conclusion:
    """What a concluding speech says: the opening sentences, and the tasks' sentences."""

    opening: str  # without the speaker: continues '<who> '
    ahead: str  # 'Trong thời gian tới, …' (or '')
    tasks: list[str]


def directive_list(directives: Iterable[Directive]) -> str:
    """'sở A làm X trước ngày 31/8/2026; Sở B làm Y': ';' separates the directives, so a
    ';' inside one becomes ','; addressees as they read mid-sentence."""
    items = []
    for directive in directives:
        content = directive.content.strip().rstrip(".;,").replace(";", ",")
        deadline = f" trước ngày {short_date(directive.deadline)}" if directive.deadline else ""
        items.append(f"{mid_sentence(directive.addressee)} {content}{deadline}")
    return "; ".join(items)


def is_general(directive: Directive) -> bool:
    """Whether the addressee names bodies or people in general ('các sở, ngành', 'thành
    viên Ban Chỉ đạo'), which read in lower case, rather than one body ('Sở Y tế')."""
    return mid_sentence(directive.addressee)[:1].islower()


def conclude(summary: str, who_again: str, directives: list[Directive]) -> Conclusion:
    """The sentences of a conclusion whose speaker is named, before it, by the caller;
    ``who_again`` names them again ('đồng chí Lê Văn An', 'Phó Chủ tịch UBND tỉnh')."""
    parts = clauses(summary) if len(sentences(summary)) <= 1 else []
    assessing: list[str] = []
    for part in parts:
        if not part.casefold().startswith(ASSESSING):
            break
        assessing.append(part)
    rest = parts[len(assessing):]
    if not assessing:  # typed as several sentences, or not opening with an assessment
        opening, rest = summary, []
    else:
        opening = "; ".join(continue_sentence(p) for p in assessing)
    ahead = ""
    if rest:
        joined = "; ".join(continue_sentence(p) for p in rest)
        subject = f"{who_again} " if starts_with_verb(rest[0]) else ""
        ahead = sentence(f"Trong thời gian tới, {subject}{joined}")
    tasks: list[str] = []
    said = bool(ahead)  # a direction for the time ahead is said: tasks may follow it bare
    general = [d for d in directives if is_general(d) and not d.deadline]
    named = [d for d in directives if not is_general(d) and not d.deadline]
    dated = [d for d in directives if d.deadline]
    if general:
        joint = "Đồng thời" if said else "Trong thời gian tới"
        tasks.append(f"{joint}, {who_again} đề nghị {directive_list(general)}.")
        said = True
    if named:
        tasks.append(f"Trong đó, {directive_list(named)}." if said
                     else f"{capitalize_first(who_again)} đề nghị {directive_list(named)}.")
        said = True
    if dated:
        tasks.append(f"Trước mắt, {directive_list(dated)}." if said
                     else f"Trước mắt, {who_again} đề nghị {directive_list(dated)}.")
    return Conclusion(opening, ahead, tasks)


def action_phrase(texts: Iterable[str]) -> str:
    """The first task's action as a heading: 'yêu cầu các sở tập trung hoàn thành X' gives
    'Tập trung hoàn thành X'; '' when no text names an action."""
    for text in texts:
        folded = text.casefold()
        found = [i for i in (_word_at(folded, a) for a in ACTIONS) if i >= 0]
        if found:
            return capitalize_first(text[min(found):].strip().rstrip(".;,"))
    return ""


def _word_at(folded: str, words: str) -> int:
    """Where ``words`` stand as whole words in ``folded``, or -1."""
    start = 0
    while (index := folded.find(words, start)) >= 0:
        end = index + len(words)
        if (index == 0 or not folded[index - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
            return index
        start = index + 1
    return -1
