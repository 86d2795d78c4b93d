"""The documentation links only to files the repository holds.

Users get the repository and nothing else: a README link to a design document beside it, or a
guide linking to a page that was renamed, leaves them with a dead end. So every relative link
in README.md and under docs/ must name a file (or folder) that exists inside the repository,
and README.md must name no path outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").rglob("*.md"))]

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+).+?\1")
# [text](target "title") and ![alt](target); the target may be written <like this>.
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Link:
    """One link target as written, and the line it is on (for the failure message)."""

    line: int
    target: str

    @property
    def is_relative(self) -> bool:
        """A path in the repository: no scheme (http:, mailto:, file:) and not a bare anchor."""
        return not SCHEME.match(self.target) and not self.target.startswith("#")

    @property
    def path(self) -> str:
        """The target without its anchor or query, decoded as a browser would."""
        return unquote(re.split(r"[#?]", self.target, maxsplit=1)[0])


def links_in(text: str) -> list[Link]:
    """Every link target in Markdown text, outside fenced code blocks and code spans."""
    found: list[Link] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = FENCE.match(line)
        if opening and (fence is None or opening.group(1).startswith(fence)):
            fence = opening.group(1)[0] * 3 if fence is None else None
            continue
        if fence is not None:
            continue
        prose = CODE_SPAN.sub("", line)
        targets = [m.group(1) for m in INLINE_LINK.finditer(prose)]
        targets += [m.group(1) for m in REFERENCE_DEFINITION.finditer(prose)]
        found += [Link(number, target.strip("<>")) for target in targets]
    return found


def broken(document: Path, link: Link) -> str | None:
    """Why a relative link from `document` does not lead to a file in the repository, if so."""
    if link.path.startswith("/"):
        return "an absolute path: write it relative to the document"
    target = (document.parent / link.path).resolve()
    if not target.is_relative_to(ROOT):
        return "outside the repository"
    if not target.exists():
        return f"no such file: {target.relative_to(ROOT)}"
    return None


def _name(document: Path) -> str:
    return str(document.relative_to(ROOT))


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_every_relative_link_names_a_file_in_the_repository(document: Path) -> None:
    problems = [
        f"{_name(document)}:{link.line}: {link.target}: {why}"
        for link in links_in(document.read_text(encoding="utf-8"))
        if link.is_relative and (why := broken(document, link))
    ]
    assert problems == []


def test_the_readme_names_no_path_outside_the_repository() -> None:
    outside = [
        f"README.md:{link.line}: {link.target}"
        for link in links_in(README.read_text(encoding="utf-8"))
        if link.target.lower().startswith("file:")
        or (link.is_relative and (link.path.startswith("/") or ".." in Path(link.path).parts))
    ]
    assert outside == []


def test_the_readme_links_the_architecture_guide() -> None:
    targets = {link.path for link in links_in(README.read_text(encoding="utf-8"))}
    assert "docs/architecture.md" in targets
    assert (ROOT / "docs" / "architecture.md").is_file()


SAMPLE = """\
See [the guide](docs/guide.md#setup "Set-up") and ![a chart](<img/a chart.png>).
Not links: `[code](in/a/span.md)`, [web](https://example.org/x.md), [mail](mailto:a@b.c),
[anchor](#top).

```
[fenced](not/a/link.md)
```

[design]: ../DESIGN.md
"""


def test_links_are_found_as_markdown_reads_them() -> None:
    links = links_in(SAMPLE)
    assert [(link.line, link.target) for link in links] == [
        (1, "docs/guide.md#setup"),
        (1, "img/a chart.png"),
        (2, "https://example.org/x.md"),
        (2, "mailto:a@b.c"),
        (3, "#top"),
        (9, "../DESIGN.md"),
    ]
    assert [link.path for link in links if link.is_relative] == [
        "docs/guide.md",
        "img/a chart.png",
        "../DESIGN.md",
    ]


def test_a_link_out_of_the_repository_or_to_a_missing_file_is_refused() -> None:
    readme_links = {link.target: link for link in links_in(SAMPLE)}
    assert broken(README, readme_links["../DESIGN.md"]) == "outside the repository"
    assert broken(README, readme_links["docs/guide.md#setup"]) == "no such file: docs/guide.md"
    assert broken(README, Link(1, "/etc/passwd")) == (
        "an absolute path: write it relative to the document"
    )
    assert broken(README, Link(1, "docs/architecture.md#the-store")) is None
