"""HTML fragments that several kinds of page share: the filter form of a list (directories,
syntheses; theme/web/assets/filter.js makes it work) and the download button of a PDF
(Focus, syntheses). Every text given here is escaped here."""
from __future__ import annotations

from html import escape


def filter_form(label: str, fields: list[str], one: str, many: str, none: str) -> str:
    """The form, hidden until filter.js shows it (without JavaScript the whole list stays), and
    its live count; one/many/none are the count's texts ({count} is replaced)."""
    return (f'<form class="bp-filter" data-bp-filter hidden role="search" aria-label="{escape(label)}">'
            + "".join(fields)
            + '<p class="bp-filter__count" role="status" aria-live="polite" data-bp-count '
            f'data-one="{escape(one)}" data-many="{escape(many)}" data-none="{escape(none)}"></p></form>')


def select_field(field_id: str, name: str, attr: str, label: str, everything: str,
                 options: list[tuple[str, str]]) -> str:
    """A choice among (value, text) options, filtering the items on their data-<attr>."""
    listed = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (f'<div class="bp-filter__field"><label for="{field_id}">{escape(label)}</label>'
            f'<select id="{field_id}" name="{name}" data-bp-attr="{attr}">'
            f'<option value="">{escape(everything)}</option>{listed}</select></div>')


def text_field(field_id: str, name: str, label: str) -> str:
    """Words to find in the items' text."""
    return (f'<div class="bp-filter__field"><label for="{field_id}">{escape(label)}</label>'
            f'<input id="{field_id}" name="{name}" type="search" autocomplete="off"></div>')


def download_button(href: str, label: str, href_lang: str | None = None, details: str | None = None) -> str:
    """The primary button that downloads a PDF; href_lang when the PDF is in another language
    than the page, details (size, pages…) shown after the label."""
    lang = f' hreflang="{href_lang}"' if href_lang else ""
    after = f' <span class="bp-download__details">({escape(details)})</span>' if details else ""
    return (f'<p class="bp-download"><a class="md-button md-button--primary" href="{escape(href)}"{lang} '
            f'type="application/pdf" download>{escape(label)}{after}</a></p>')
