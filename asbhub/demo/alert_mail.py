"""The alerts the demo's mail server caught: how many, of which kind, to whom, and whether any
carries personal data from the night's synthetic incidents. None should: an alert names
references and counts only (asbhub.alerts), and the demo checks that against its own data."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, computed_field

from asbhub.demo.peers import ReceivedMail

KIND_HEADER = "X-ASB-Hub-Alert"
NAMES = ("victim_name", "subject_name")
ADDRESSES = ("victim_address", "subject_address", "location_street")
IDENTIFIERS = (
    "victim_dob",
    "victim_postcode",
    "victim_phone",
    "victim_email",
    "subject_dob",
    "subject_postcode",
    "subject_pnc_id",
    "vehicle_registration",
    "location_postcode",
)
# Words: a run this long from a narrative is the narrative's own; shorter ones are its stock
# phrases ("the ASB case review"), which an alert's own wording may share.
NARRATIVE_RUN = 6
# Letters: a shorter part of a name is often a plain word an alert may use ("Read", "May").
NAME_PART = 5
_NOT_A_WORD = re.compile(r"[\W_]+")


class CaughtAlert(BaseModel):
    kind: str
    subject: str
    to: list[str]
    personal_values: int  # how many of the incidents' personal values it contains


class AlertFigures(BaseModel):
    messages: list[CaughtAlert]
    values_looked_for: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def captured(self) -> int:
        return len(self.messages)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(m.kind for m in self.messages).items()))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def carrying_personal_data(self) -> list[str]:
        """The subjects of messages holding any personal value (an empty list is the pass)."""
        return [m.subject for m in self.messages if m.personal_values]


def alert_figures(
    received: Sequence[ReceivedMail], incidents: Iterable[Mapping[str, Any]]
) -> AlertFigures:
    """Each message caught, and how many of the incidents' personal values it holds."""
    values = {v for incident in incidents for v in personal_values(incident)}
    lengths = {v.count(" ") + 1 for v in values}
    messages = []
    for mail in received:
        words = _words(html.unescape(mail.text)).split()  # the body is HTML: O&#39;Brien
        # Every run of words in the message that is as long as some value, looked up: a few
        # thousand lookups a message, where testing each of 100,000 values took a second.
        runs = {" ".join(words[i : i + n]) for n in lengths for i in range(len(words) - n + 1)}
        messages.append(
            CaughtAlert(
                kind=str(mail.message[KIND_HEADER] or "not an alert"),
                subject=mail.subject,
                to=list(mail.rcpt_tos),
                personal_values=len(runs & values),
            )
        )
    return AlertFigures(messages=messages, values_looked_for=len(values))


def personal_values(incident: Mapping[str, Any]) -> set[str]:
    """An incident's personal values as runs of words: names whole and their longer parts,
    addresses whole and their first line, phones, postcodes, emails, dates of birth and the
    like, and every run of six narrative words. (A town on its own says nothing of a person,
    and may well be in a council's name.)"""
    raw: set[str] = set()
    for name in NAMES:
        if incident.get(name):
            raw.add(str(incident[name]))
            raw.update(part for part in str(incident[name]).split() if len(part) >= NAME_PART)
    for name in ADDRESSES:
        if incident.get(name):
            raw.add(str(incident[name]))
            raw.add(str(incident[name]).split(",")[0])
    raw.update(str(incident[name]) for name in IDENTIFIERS if incident.get(name))
    words = _words(str(incident.get("narrative") or "")).split()
    raw.update(
        " ".join(words[i : i + NARRATIVE_RUN]) for i in range(len(words) - NARRATIVE_RUN + 1)
    )
    return {value for value in map(_words, raw) if value}


def _words(text: str) -> str:
    """Lower case, words separated by one space: a value is found only as whole words."""
    return _NOT_A_WORD.sub(" ", text.casefold()).strip()


def alert_lines(figures: AlertFigures) -> list[list[str]]:
    """One line per kind of alert: how many messages, their subjects, to whom, and the personal
    values found in them."""
    lines = [["kind", "messages", "subjects", "sent to", "personal values found"]]
    for kind, count in figures.by_kind.items():
        of_kind = [m for m in figures.messages if m.kind == kind]
        lines.append(
            [
                kind,
                str(count),
                "; ".join(dict.fromkeys(m.subject for m in of_kind)),
                ", ".join(dict.fromkeys(to for m in of_kind for to in m.to)),
                str(sum(m.personal_values for m in of_kind)),
            ]
        )
    return lines


def alert_note(figures: AlertFigures) -> str:
    verdict = (
        "none of them is in any message"
        if not figures.carrying_personal_data
        else f"FOUND IN {len(figures.carrying_personal_data)} MESSAGE(S)"
    )
    return (
        f"{figures.captured} message(s) caught by the demo's own mail server on loopback, which "
        f"relays nothing. Looked for {figures.values_looked_for} personal values of the night's "
        f"synthetic incidents (names, addresses, phones, postcodes, dates of birth, runs of "
        f"{NARRATIVE_RUN} narrative words): {verdict}."
    )
