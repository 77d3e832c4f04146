"""The report of an import: per kind, what was imported, unchanged, kept, skipped or is to
review, then each thing to fix by hand; on the terminal or as Markdown, in the messages' language."""
from __future__ import annotations

import html

from publishing.commands.import_wordpress import EVENT_KIND, KINDS, NEWS_KIND, NOTICE_KIND, PAGE_KIND, Outcome
from publishing.problems import messages


def counts_table(outcome: Outcome) -> list[tuple[str, int, int, int, int, int]]:
    rows = []
    for kind in KINDS:
        c = outcome.counts.get(kind, {})
        rows.append((kind, c.get("imported", 0), c.get("unchanged", 0), c.get("kept", 0), c.get("skipped", 0),
                     c.get("to_review", 0)))
    return rows


def kind_word(kind: str, lang: str) -> str:
    if kind == NEWS_KIND:
        return messages.word("wxr_kind_news", lang)
    if kind == NOTICE_KIND:
        return messages.word("wxr_kind_notice", lang)
    if kind == EVENT_KIND:
        return messages.word("wxr_kind_event", lang)
    if kind == PAGE_KIND:
        return messages.word("wxr_kind_page", lang)
    return messages.word("wxr_kind_redirect", lang)


def render_report(outcome: Outcome, lang: str, markdown: bool, dry_run: bool = False) -> str:
    """The report: per kind, imported / unchanged / kept / skipped / to review; then each thing
    to fix by hand with its item, title and file; in the language of the messages."""
    w = messages.word
    out: list[str] = []
    if markdown:
        out += [f"# {w('wxr_report_title', lang)}", ""]
    head = [w("wxr_col_kind", lang), w("wxr_col_imported", lang), w("wxr_col_unchanged", lang),
            w("wxr_col_kept", lang), w("wxr_col_skipped", lang), w("wxr_col_to_review", lang)]
    if markdown:
        out += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for kind, *numbers in counts_table(outcome):
        cells = [kind_word(kind, lang), *map(str, numbers)]
        out.append("| " + " | ".join(cells) + " |" if markdown else
                   "  " + ", ".join(f"{h}: {v}" for h, v in zip(head, cells, strict=True)))
    for name, number in sorted(outcome.other_types.items()):
        out.append(("- " if markdown else "  ") + w("wxr_other_type", lang, type=name, count=number))
    out.append(("- " if markdown else "  ") + w("wxr_redirects_count", lang, added=outcome.redirects_added,
                                                changed=outcome.redirects_changed))
    if outcome.notes:
        out += ["", (f"## {w('wxr_to_fix', lang)}" if markdown else w("wxr_to_fix", lang) + ":"), ""]
        for note in sorted(outcome.notes, key=lambda n: (n.file or "~", n.item.id, n.code, n.detail)):
            text, hint = messages.render(note.code, lang, {"detail": note.detail})
            title = html.unescape(note.item.title) if note.item.title else ""
            item = messages.word("wxr_item", lang, kind=kind_word(note.kind, lang), id=note.item.id, title=title)
            where = f" ({note.file})" if note.file else ""
            fix = f" {messages.word('fix', lang)}: {hint}" if hint else ""
            out.append(f"{'- [ ] ' if markdown else '  '}{item}{where}: {text}{fix}")
    if dry_run:
        out += ["", w("wxr_dry_run", lang)]
    return "\n".join(out) + "\n"
