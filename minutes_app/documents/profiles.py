"""Style profiles: the format facts of a document system, as data an office can edit.

A profile is a JSON file: built-in ones in ``resources/profiles/``, an office's own in
the ``profiles`` folder of the user's settings folder. A profile may name another in
``extends`` and give only the values it changes. An office's file with a built-in name
(``state.json``) replaces the built-in one.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from minutes_app.documents import ExportError
from minutes_app.i18n import _
from minutes_app.interchange.validation import describe_errors
from minutes_app.package_data import resource
from minutes_app.storage import config_dir

if TYPE_CHECKING:  # jsonschema itself is imported when a profile is loaded, not at start
    from jsonschema import Draft202012Validator

MM = 72 / 25.4  # points per millimetre
CM = 10 * MM


class ProfileError(ExportError):
    """A style profile that cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class ParagraphStyle:
    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    upper: bool = False
    align: Literal["left", "center", "right", "justify"] = "left"
    first_line_indent_cm: float = 0
    left_indent_cm: float = 0
    space_before: float = 0
    space_after: float = 0
    line_spacing: float = 1.0
    # Lines of near-equal length rather than full lines then a short one (headings).
    balance: bool = False

    def display(self, text: str) -> str:
        """The text as this style prints it (upper case for headers and signature titles)."""
        return text.upper() if self.upper else text


@dataclass(frozen=True)
class RuleSpec:
    """A rule under a text: ``length`` of its longest printed line, solid or dashed."""

    length: float
    dash: Literal["solid", "dashed"] = "solid"


@dataclass(frozen=True)
class RuleLook:
    """How every rule of a document is drawn (points, except the gap)."""

    gap_mm: float  # from the baseline of the text above to the middle of the rule
    thickness_pt: float
    space_after: float


@dataclass(frozen=True)
class HeaderLine:
    text: str
    style: str
    rule: RuleSpec | None = None


@dataclass(frozen=True)
class Header:
    left_width: float
    national: tuple[HeaderLine, ...]
    organ_mark: Literal["rule", "star", "none"]
    number: str
    number_blank: str
    organ_rule: RuleSpec = RuleSpec(0.4)
    subject_rule: RuleSpec | None = None


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float

    @property
    def text_width_pt(self) -> float:
        return (self.width_mm - self.margin_left_mm - self.margin_right_mm) * MM

    @property
    def text_height_pt(self) -> float:
        return (self.height_mm - self.margin_top_mm - self.margin_bottom_mm) * MM


@dataclass(frozen=True)
class Signatures:
    left: str
    right: str
    space_pt: float


@dataclass(frozen=True)
class Recipients:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class DraftMark:
    """The words a draft carries at the top right of page 1, framed or not."""

    text: str
    size: float
    bold: bool = False
    frame: bool = False
    padding_pt: float = 0


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    page: Page
    font: str
    styles: dict[str, ParagraphStyle]
    # How the minutes address every person they name ('Đồng chí'); '' for the name alone.
    address: str = ""
    header: Header | None = None
    rules: RuleLook | None = None
    labels: dict[str, str] = field(default_factory=dict)
    signatures: Signatures | None = None
    recipients: Recipients | None = None
    draft_mark: DraftMark | None = None
    speaking_time: bool = False  # how long each speech lasted, from the audio

    def style(self, name: str) -> ParagraphStyle:
        try:
            return self.styles[name]
        except KeyError:
            raise ProfileError(self._missing(_("kiểu đoạn “{key}”"), name)) from None

    def label(self, key: str) -> str:
        try:
            return self.labels[key]
        except KeyError:
            raise ProfileError(self._missing(_("nhãn “{key}”"), key)) from None

    def rule_look(self) -> RuleLook:
        if self.rules is None:
            raise ProfileError(self._missing(_("mục “{key}”"), "rules"))
        return self.rules

    def _missing(self, what: str, key: str) -> str:
        return _("Hồ sơ định dạng “{profile}” thiếu {what}.").format(
            profile=self.name, what=what.format(key=key)
        )


def user_profiles_dir() -> Path:
    return config_dir() / "profiles"


def available_profiles() -> list[str]:
    """Names of every profile an export can use, built-in and the office's own."""
    names = {f.name[:-5] for f in resource("profiles").iterdir() if f.name.endswith(".json")}
    if user_profiles_dir().is_dir():
        names |= {f.stem for f in user_profiles_dir().glob("*.json")}
    return sorted(names)


def load_profile(name: str) -> Profile:
    """The profile ``name``, with what it extends applied, checked against its schema."""
    raw = _resolve(name)
    problems = describe_errors(_validator(), raw)
    if problems:
        raise ProfileError(
            "\n".join(
                [_("Hồ sơ định dạng “{profile}” không hợp lệ:").format(profile=name)]
                + [f"  {p}" for p in problems]
            )
        )
    return _build(name, raw)


def _read(name: str, built_in_only: bool) -> dict[str, Any]:
    own = user_profiles_dir() / f"{name}.json"
    try:
        if own.is_file() and not built_in_only:
            source, text = str(own), own.read_text(encoding="utf-8")
        else:
            built_in = resource("profiles", f"{name}.json")
            if not built_in.is_file():
                raise ProfileError(
                    _("Không có hồ sơ định dạng “{profile}”. Các hồ sơ có: {names}.").format(
                        profile=name, names=", ".join(available_profiles())
                    )
                )
            source, text = f"{name}.json", built_in.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProfileError(
            _("Không đọc được hồ sơ định dạng “{profile}”: {reason}").format(profile=name, reason=error)
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(_("Hồ sơ định dạng “{profile}” phải là một đối tượng JSON.").format(profile=source))
    return data


def _resolve(name: str, seen: tuple[str, ...] = (), built_in_only: bool = False) -> dict[str, Any]:
    if name in seen and not built_in_only:
        raise ProfileError(
            _("Các hồ sơ định dạng kế thừa vòng quanh: {chain}.").format(chain=" → ".join((*seen, name)))
        )
    data = _read(name, built_in_only)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    # An office's 'state.json' may extend the built-in 'state' it replaces.
    base = _resolve(parent, (*seen, name), built_in_only=parent == name and not built_in_only)
    return _merge(base, data)


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied: objects merge key by key, anything else replaces."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@cache
def _validator() -> "Draft202012Validator":
    from jsonschema import Draft202012Validator

    schema = json.loads(resource("schema", "style-profile.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _rule(value: float | dict[str, Any] | None) -> RuleSpec | None:
    """A rule as the schema allows it: a plain length, or length and dash; 0 for none."""
    if isinstance(value, dict):
        return RuleSpec(**value)
    return RuleSpec(value) if value else None


def _header(raw: dict[str, Any]) -> Header:
    rules = {key: _rule(raw[key]) for key in ("organ_rule", "subject_rule") if key in raw}
    return Header(
        **{k: v for k, v in raw.items() if k not in ("national", *rules)},
        **rules,  # type: ignore[arg-type]
        national=tuple(HeaderLine(line["text"], line["style"], _rule(line.get("rule"))) for line in raw["national"]),
    )


def _build(name: str, raw: dict[str, Any]) -> Profile:
    header = raw.get("header")
    signatures = raw.get("signatures")
    recipients = raw.get("recipients")
    return Profile(
        name=name,
        description=raw["description"],
        page=Page(**raw["page"]),
        font=raw["font"],
        styles={key: ParagraphStyle(**value) for key, value in raw["styles"].items()},
        address=raw.get("address", ""),
        header=_header(header) if header else None,
        rules=RuleLook(**raw["rules"]) if "rules" in raw else None,
        labels=dict(raw.get("labels", {})),
        signatures=Signatures(**signatures) if signatures else None,
        recipients=Recipients(recipients["heading"], tuple(recipients["lines"])) if recipients else None,
        draft_mark=DraftMark(**raw["draft_mark"]) if "draft_mark" in raw else None,
        speaking_time=raw.get("speaking_time", False),
    )
