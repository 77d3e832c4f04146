"""The sections' templates (theme/web/sections/, publishing/plan/templates.py) and the interface texts
they and the model read (theme/i18n/): escaping, missing values, every key known in both languages,
dates, language names and sizes in words."""
from __future__ import annotations

import re
from datetime import date

import jinja2
import pytest
from markupsafe import Markup

from publishing.load.strings import load_strings
from publishing.model import language_names, long_date, month_year
from publishing.plan import templates
from publishing.plan.sections.focus import size_label
from publishing.problems import Report
from tests.support import ROOT

KEY = re.compile(r"""(?<![\w.])t\(\s*['"]([^'"]+)['"]\s*\)""")  # t('key'), not Material's lang.t('key')


@pytest.fixture(scope="module")
def strings():
    report = Report(ROOT)
    loaded = load_strings(ROOT / "theme" / "i18n", report)
    assert not report.problems, report.render()
    return loaded


def test_every_key_a_template_names_is_in_both_languages(strings):
    missing = [f"{path.relative_to(ROOT)}: {key} ({lang})"
               for path in sorted((ROOT / "theme").rglob("*")) if path.suffix in (".html", ".md")
               for key in KEY.findall(path.read_text(encoding="utf-8"))
               for lang in ("fr", "nl") if key not in strings.tables[lang]]
    assert missing == []


def test_values_are_escaped_as_the_pages_always_were():
    """html.escape's bytes (&#x27;, &quot;), not MarkupSafe's (&#39;, &#34;): the move into
    templates changed no byte of the sites. Markup (a macro's output) is not escaped twice."""
    env = templates.environment(str(ROOT))
    rendered = env.from_string('{{ text }}|{{ html }}|{{ number }}').render(
        text="l'« Écoute » & \"<b>\"", html=Markup("<i>x</i>"), number=3)
    assert rendered == "l&#x27;« Écoute » &amp; &quot;&lt;b&gt;&quot;|<i>x</i>|3"


def test_a_page_is_given_as_written_and_html_blocks_compacted(strings):
    """A .md template keeps its blank lines (they separate the page's Markdown blocks) and ends
    with a newline; a .html template is one HTML block: no blank line, no indentation."""
    t = strings.for_lang("fr")
    page = templates.render(ROOT, "directories/index.md", t=t, lang="fr", region=True,
                            cards=[{"href": "x/", "title": "X", "intro": None, "count": 1}])
    assert page == (f"# Répertoires\n\n{t('directory.intro_region')}\n\n<ul class=\"bp-cards\">\n"
                    '<li class="bp-card"><h2 class="bp-card__title"><a href="x/">X</a></h2>\n'
                    '<p class="bp-card__date">1 service</p></li>\n</ul>\n')
    head = templates.render(ROOT, "syntheses/head.html", t=t, lang="fr", summary="S", pdf_url="s.pdf", pdf_lang="fr",
                            synthesis={"date": "1er mars 2024", "date_iso": "2024-03-01", "kind": "forum",
                                       "theme": None, "participants": 12})
    assert head == ('<div class="bp-focus-head">\n'
                    '<p class="bp-focus-head__meta"><time datetime="2024-03-01">1er mars 2024</time> · Forum · '
                    '12 participant·es</p>\n<p class="bp-focus-head__summary">S</p>\n'
                    '<p class="bp-download"><a class="md-button md-button--primary" href="s.pdf" '
                    'type="application/pdf" download>Télécharger la synthèse (PDF, 1 page)</a></p>\n</div>')


def test_a_value_a_template_needs_and_is_not_given_stops_the_build():
    with pytest.raises(jinja2.UndefinedError):
        templates.render(ROOT, "syntheses/head.html", t=str, lang="fr", summary="s", pdf_url="x", pdf_lang="fr")


def test_the_download_button_and_a_filter_field():
    env = templates.environment(str(ROOT))
    button = env.get_template("partials/download.html").module.button
    assert str(button("a.pdf", "Télécharger", "fr", "PDF, 1 Mo")) == (
        '<p class="bp-download"><a class="md-button md-button--primary" href="a.pdf" hreflang="fr" '
        'type="application/pdf" download>Télécharger <span class="bp-download__details">(PDF, 1 Mo)</span></a></p>')
    select = env.get_template("partials/filter.html").module.select
    assert str(select("bp-x", "x", "kind", "Type", "Tous", [("a", "A & B")])) == (
        '<div class="bp-filter__field"><label for="bp-x">Type</label><select id="bp-x" name="x" data-bp-attr="kind">'
        '<option value="">Tous</option><option value="a">A &amp; B</option></select></div>')


@pytest.mark.parametrize(("day", "lang", "expected"), [
    (date(2026, 3, 1), "fr", "1er mars 2026"),
    (date(2026, 3, 1), "nl", "1 maart 2026"),
    (date(2026, 11, 23), "fr", "23 novembre 2026"),
    (date(2026, 8, 2), "nl", "2 augustus 2026"),
])
def test_dates_in_words(strings, day, lang, expected):
    assert long_date(day, strings.for_lang(lang)) == expected


def test_month_and_year(strings):
    assert month_year(date(2026, 2, 9), strings.for_lang("fr")) == "février 2026"
    assert month_year(date(2026, 2, 9), strings.for_lang("nl")) == "februari 2026"


def test_language_names_and_a_code_without_a_name(strings):
    assert language_names(("fr", "nl", "lsfb"), strings.for_lang("fr")) == "français, néerlandais, langue des signes"
    assert language_names(("ar", "sw"), strings.for_lang("nl")) == "Arabisch, sw"


@pytest.mark.parametrize(("size", "lang", "expected"), [
    (300, "fr", "1 ko"), (348_000, "fr", "340 ko"), (1_258_291, "fr", "1,2 Mo"),
    (348_000, "nl", "340 kB"), (1_258_291, "nl", "1,2 MB"),
])
def test_file_sizes(strings, size, lang, expected):
    assert size_label(size, strings.for_lang(lang)) == expected
