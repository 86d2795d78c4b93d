"""Word lists in a pattern, factored into a tree of shared prefixes before the pattern compiles.

The `regex` module tries the branches of an alternation one after another: at each place in the
text where "(?:son|sister|stepson|stepdaughter|…)" may start, it compares every branch. The
recognizers hold many such lists (street words, agencies' cue words, roles, words that are no
name). Written with shared prefixes, "(?:s(?:on|ister|tep(?:son|daughter)))", a list costs a few
comparisons a place instead: about 6% of the pattern recognizers' time over all of them, and
two thirds of some patterns' ("Number and an estate's name after a cue").

The patterns stay as written, a list a reader can scan; `factored` rewrites their source once,
when each pattern is compiled. It changes no match: it only factors runs of branches that are
plain text (no metacharacter), keeps their order, and where a word is also the start of a longer
one ("flat", "flats") it tries the two in the order the list gave. Where a word lies between two
longer ones it begins ("ab|a|abc"), the words after that shared start are written out one by one
in the list's order. `tests/pii/test_factoring.py` checks this on every registered pattern and
gate, and on random lists in every order.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

_META = set("\\[](){}.*+?^$|")


@dataclass
class _Group:
    """A group's opening ("(?:", "(?i:", "(?<=", "" at the top), and its branches."""

    opening: str
    branches: list[list[str | _Group]] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def factored(source: str) -> str:
    """`source` with every run of two or more plain-text branches written as a prefix tree."""
    tokens = _tokens(source)
    group, end = _parse(tokens, 0, "")
    if end != len(tokens):  # an unbalanced ")": leave it for the compiler to report
        return source
    return _emit(group)


def _tokens(source: str) -> list[str]:
    """Escapes, character sets and group openings as single tokens; other characters alone."""
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            j = i + 2
            if source[i + 1 : i + 2] in ("p", "P", "N", "g") and source[j : j + 1] in ("{", "<"):
                j = source.index("}" if source[j] == "{" else ">", j) + 1
            out.append(source[i:j])
            i = j
        elif ch == "[":
            j = i + 1
            if source[j : j + 1] == "^":
                j += 1
            if source[j : j + 1] == "]":  # a "]" first in a set is a member
                j += 1
            while source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            out.append(source[i : j + 1])
            i = j + 1
        elif ch == "(":
            j = i + 1
            if source[j : j + 1] == "?":
                j = _group_head_end(source, j + 1)
            out.append(source[i:j])
            i = j
        else:
            out.append(ch)
            i += 1
    return out


def _group_head_end(source: str, j: int) -> int:
    """Where the head of a group that starts "(?" ends: after its ":", "=", "!", "<=", "<!",
    ">", "|", a named group's ">", or an inline flag's ")"."""
    ch = source[j]
    if ch in "=!>|:":
        return j + 1
    if ch == "<" and source[j + 1] in "=!":
        return j + 2
    if ch in "P<":  # (?P<name>, (?<name>, (?P=name)
        close = source.index(">" if source[j + 1 : j + 2] != "=" else ")", j)
        return close + 1
    k = j
    while source[k] not in ":)":
        k += 1
    return k + 1


def _parse(tokens: list[str], i: int, opening: str) -> tuple[_Group, int]:
    group = _Group(opening, [[]])
    while i < len(tokens):
        item = tokens[i]
        if item == ")":
            return group, i
        if item == "|":
            group.branches.append([])
        elif item.startswith("(") and not item.endswith(")"):
            inner, i = _parse(tokens, i + 1, item)
            group.branches[-1].append(inner)
        else:
            group.branches[-1].append(item)
        i += 1
    return group, i


def _emit(group: _Group) -> str:
    parts: list[str] = []
    run: list[list[str]] = []

    def flush() -> None:
        if len(run) >= 2:
            parts.append(_trie(run))
        else:
            parts.extend("".join(branch) for branch in run)
        run.clear()

    for branch in group.branches:
        if _plain(branch):
            run.append([item for item in branch if isinstance(item, str)])
            continue
        flush()
        parts.append("".join(_emit_item(item) for item in branch))
    flush()
    body = "|".join(parts)
    return f"{group.opening}{body})" if group.opening else body


def _emit_item(item: str | _Group) -> str:
    return item if isinstance(item, str) else _emit(item)


def _plain(branch: list[str | _Group]) -> bool:
    """Plain text: literal characters and escaped punctuation, nothing that repeats or chooses."""
    if not branch:
        return False
    for item in branch:
        if not isinstance(item, str):
            return False
        if item.startswith("\\"):
            if len(item) != 2 or item[1].isalnum():
                return False
        elif len(item) != 1 or item in _META or item.isspace():
            return False
    return True


@dataclass
class _Node:
    depth: int
    children: dict[str, _Node] = field(default_factory=dict)
    ends_at: int | None = None  # the list position of the word that ends here
    words: list[int] = field(default_factory=list)  # positions of the words through here


def _trie(words: list[list[str]]) -> str:
    root = _Node(0)
    for position, word in enumerate(words):
        node = root
        for token in word:
            node.words.append(position)
            node = node.children.setdefault(token, _Node(node.depth + 1))
        node.words.append(position)
        if node.ends_at is None:
            node.ends_at = position
    return _write(root, words)


def _write(node: _Node, words: list[list[str]]) -> str:
    """The words through `node`, from the token after it.

    Branches after tokens that differ in any case cannot match the same text, so only a word
    that ends here competes with the longer ones it begins: it goes where the list put it among
    them, as an empty branch. Where it lies between two longer words of one branch, or where
    two branches start with the same letter in two cases ("Ab|a|AbC" matched in any case), the
    words below this node are written out one by one, in the list's order."""
    branches = list(node.children.items())
    if not branches:
        return ""
    if len({token.casefold() for token, _ in branches}) < len(branches):
        return _listed(node, words)
    written = [token + _write(child, words) for token, child in branches]
    if node.ends_at is None:
        return written[0] if len(written) == 1 else f"(?:{'|'.join(written)})"
    end = node.ends_at
    before = [w for w, (_, c) in zip(written, branches, strict=True) if max(c.words) < end]
    after = [w for w, (_, c) in zip(written, branches, strict=True) if min(c.words) > end]
    if len(before) + len(after) == len(written):
        if not before:
            return f"(?:{'|'.join(after)})??"  # the short word was listed first: try it first
        if not after:
            return f"(?:{'|'.join(before)})?"
        return f"(?:{'|'.join(before)}||{'|'.join(after)})"
    return _listed(node, words)


def _listed(node: _Node, words: list[list[str]]) -> str:
    """The words through `node`, from the token after it, one by one in the list's order."""
    suffixes = dict.fromkeys("".join(words[p][node.depth :]) for p in sorted(set(node.words)))
    return f"(?:{'|'.join(suffixes)})"
