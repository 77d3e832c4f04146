"""The agenda's iCalendar files, the news' Atom feed and the JSON-LD of items, read back with real
parsers: icalendar (RFC 5545), xml.etree (Atom), json.

Fictional events in summer and winter time, all day and timed, on site and online, in a bassin
and in the region; the day the build takes for today is given.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from publishing import load_project
from publishing.model.paths import NEWS, NEWS_FEED
from publishing.output import feed, ical, structured_data
from tests.support import HOME, make_repo

TODAY = date(2023, 3, 1)
BRUSSELS = ZoneInfo("Europe/Brussels")
ATOM = {"a": "http://www.w3.org/2005/Atom"}

# title, summary and the other texts of each language; the rest of the header is shared
LONG = ("Journée d'échanges « Santé mentale périnatale » : réseaux, services, pratiques ; "
        "évaluée, éprouvée, améliorée — où, quand, comment ?")


def item(path: str, header: dict[str, str], texts: dict[str, dict[str, str]]) -> str:
    """Inline files of one item in French (and Dutch when given), as make_repo reads them."""
    out = []
    for lang, own in texts.items():
        lines = [f"{key}: {value}" for key, value in {**own, **header}.items()]
        out.append(f"-- {path}.{lang}.md --\n---\n" + "\n".join(lines) + "\n---\nTexte.\n")
    return "\n".join(out)


EVENTS = "\n".join([
    # summer time (clocks changed on 26 March 2023), an address, a venue with ; and ,
    item("content/sud/agenda/2023-03-28-atelier",
         {"start": '"2023-03-28 09:30"', "end": '"2023-03-28 12:00"',
          "address": "{street: \"Rue de l'Exemple 1\", postcode: '1190', commune: forest}",
          "organiser": "Brusano", "themes": "[sante-mentale, perinatalite]", "region": "true"},
         {"fr": {"title": "Atelier", "summary": f'"{LONG}"', "venue": '"Maison de quartier; salle 2, rez"',
                 "price": "Gratuit"},
          "nl": {"title": "Workshop", "summary": "Een workshop.", "venue": '"Buurthuis; zaal 2, gelijkvloers"',
                 "price": "Gratis"}}),
    # winter time, online
    item("content/sud/agenda/2023-03-25-permanence",
         {"start": '"2023-03-25 14:00"', "end": '"2023-03-25 16:00"', "online": "https://example.org/visio"},
         {"fr": {"title": "Permanence", "summary": "Une permanence en ligne."},
          "nl": {"title": "Spreekuur", "summary": "Een online spreekuur."}}),
    # three days, cancelled, in a part of Bruxelles-Ville
    item("content/region/agenda/2023-04-03-semaine",
         {"start": "2023-04-03", "end": "2023-04-05", "status": "cancelled",
          "address": "{street: Rue de l'Exemple 2, postcode: '1020', commune: bruxelles/laeken}"},
         {"fr": {"title": "Semaine", "summary": "Une semaine."},
          "nl": {"title": "Week", "summary": "Een week."}}),
    # a time and no end, postponed; French only
    item("content/nord/agenda/2023-05-10-forum",
         {"start": '"2023-05-10 18:00"', "status": "postponed"},
         {"fr": {"title": "Forum", "summary": "Un forum."}}),
    # one day, full, on site and online
    item("content/sud/agenda/2023-06-01-journee",
         {"start": "2023-06-01", "status": "full", "online": "true", "registration": "https://example.org/inscription",
          "address": "{street: Rue de l'Exemple 3, postcode: '1060', commune: saint-gilles}"},
         {"fr": {"title": "Journée", "summary": "Une journée."},
          "nl": {"title": "Studiedag", "summary": "Een studiedag."}}),
    # past and held
    item("content/sud/agenda/2023-02-10-rencontre",
         {"start": "2023-02-10", "status": "held"},
         {"fr": {"title": "Rencontre", "summary": "Une rencontre."},
          "nl": {"title": "Ontmoeting", "summary": "Een ontmoeting."}}),
])

NEWS_FILES = "\n".join([
    item("content/sud/actualites/2023-01-19-forum-ouvert",
         {"date": "2023-01-19", "image": "forum.png", "themes": "[organisation-integree, sante-mentale]"},
         {"fr": {"title": "Forum ouvert", "summary": "Retour sur le forum & ses suites.",
                 "image_alt": "Un panneau"},
          "nl": {"title": "Open forum", "summary": "Terugblik op het forum.", "image_alt": "Een bord"}}),
    item("content/sud/actualites/2023-02-20-nouvelle",
         {"date": "2023-02-20"},
         {"fr": {"title": "Nouvelle", "summary": "Une nouvelle."}}),
    item("content/sud/valves/2023-02-15-permanence",
         {"date": "2023-02-15", "partner": "Service fictif", "website": "https://example.org/",
          "until": "2023-03-31"},
         {"fr": {"title": "Nouvelle permanence", "summary": "Une permanence ouvre."}}),
])


def load(root_parent):
    root = make_repo(root_parent, HOME + EVENTS + NEWS_FILES)
    (root / "content/sud/actualites/forum.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project, report = load_project(root, today=TODAY)
    assert {p.code for p in report.problems} == {"not_translated"}, report.render()  # the three French-only items
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return load(tmp_path_factory.mktemp("feeds"))


def events_of(project, territory: str | None = None):
    return [e for e in project.events if territory is None or e.territory == territory]


def by_slug(project, slug: str):
    return next(e for e in project.events if e.slug == slug)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in parse(data).walk("VEVENT")}


# iCalendar


def test_a_site_calendar_is_valid_icalendar_with_its_name_and_zone(project):
    sud = project.territories["sud"]
    data = ical.calendar(project, sud, "fr", events_of(project, "sud"))
    cal = parse(data)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//Brusano//")
    assert str(cal["CALSCALE"]) == "GREGORIAN" and str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Bassin Sud – Agenda"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Brussels"
    assert str(parse(ical.calendar(project, sud, "nl", []))["X-WR-CALNAME"]) == "Zorgzone Zuid – Agenda"
    assert len(cal.walk("VEVENT")) == 4
    assert data.count(b"\n") == data.count(b"\r\n") and data.endswith(b"END:VCALENDAR\r\n")


def test_an_event_file_holds_the_event_and_names_no_calendar(project):
    data = ical.event_ics(project, "fr", by_slug(project, "2023-03-28-atelier"))
    cal = parse(data)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Atelier"]
    assert "X-WR-CALNAME" not in cal and str(cal["METHOD"]) == "PUBLISH"
    assert cal.walk("VTIMEZONE")


def test_summer_and_winter_times_are_the_right_instants(project):
    found = vevents(ical.calendar(project, project.territories["sud"], "fr", events_of(project)))
    summer, winter = found["2023-03-28-atelier"], found["2023-03-25-permanence"]
    assert summer["DTSTART"].dt.astimezone(UTC) == datetime(2023, 3, 28, 7, 30, tzinfo=UTC)
    assert summer["DTEND"].dt.astimezone(UTC) == datetime(2023, 3, 28, 10, 0, tzinfo=UTC)
    assert winter["DTSTART"].dt.astimezone(UTC) == datetime(2023, 3, 25, 13, 0, tzinfo=UTC)
    assert summer["DTSTART"].params["TZID"] == "Europe/Brussels"


def test_the_written_time_zone_agrees_with_the_tz_database(project):
    """Our VTIMEZONE, read on its own (not looked up by its name), gives Brussels' offsets."""
    (vtimezone,) = parse(ical.calendar(project, project.territories["sud"], "fr", [])).walk("VTIMEZONE")
    ours = vtimezone.to_tz(lookup_tzid=False)
    for year in range(2000, 2038):
        for month, day in ((3, 24), (10, 24)):  # the hours around both changes, each year
            start = datetime(year, month, day, tzinfo=UTC)
            for hour in range(0, 8 * 24):
                moment = start + timedelta(hours=hour)
                assert moment.astimezone(ours).utcoffset() == moment.astimezone(BRUSSELS).utcoffset(), moment
        for month in range(1, 13):
            moment = datetime(year, month, 15, 12, tzinfo=UTC)
            assert moment.astimezone(ours).utcoffset() == moment.astimezone(BRUSSELS).utcoffset(), moment


def test_all_day_events_end_the_day_after_their_last_day(project):
    found = vevents(ical.calendar(project, project.territories["region"], "fr", events_of(project)))
    week, day = found["2023-04-03-semaine"], found["2023-06-01-journee"]
    assert week["DTSTART"].dt == date(2023, 4, 3) and week["DTEND"].dt == date(2023, 4, 6)
    assert day["DTSTART"].dt == date(2023, 6, 1) and day["DTEND"].dt == date(2023, 6, 2)
    assert week["DTSTART"].params["VALUE"] == "DATE"
    assert "DTEND" not in found["2023-05-10-forum"]  # a time and no end: ends when it starts (RFC 5545)


def test_statuses_locations_and_categories(project):
    fr = vevents(ical.calendar(project, project.territories["region"], "fr", events_of(project)))
    nl = vevents(ical.calendar(project, project.territories["region"], "nl", events_of(project)))
    assert {slug: str(e["STATUS"]) for slug, e in fr.items()} == {
        "2023-03-28-atelier": "CONFIRMED", "2023-03-25-permanence": "CONFIRMED", "2023-04-03-semaine": "CANCELLED",
        "2023-05-10-forum": "TENTATIVE", "2023-06-01-journee": "CONFIRMED", "2023-02-10-rencontre": "CONFIRMED"}
    assert str(fr["2023-04-03-semaine"]["SUMMARY"]) == "Annulé – Semaine"
    assert str(nl["2023-06-01-journee"]["SUMMARY"]) == "Volzet – Studiedag"
    assert str(fr["2023-03-28-atelier"]["LOCATION"]) == (
        "Maison de quartier; salle 2, rez, Rue de l'Exemple 1, 1190 Forest")
    assert str(nl["2023-03-28-atelier"]["LOCATION"]) == (
        "Buurthuis; zaal 2, gelijkvloers, Rue de l'Exemple 1, 1190 Vorst")
    assert str(nl["2023-04-03-semaine"]["LOCATION"]) == "Rue de l'Exemple 2, 1020 Brussel-Stad"
    assert str(fr["2023-03-25-permanence"]["LOCATION"]) == "En ligne"
    assert str(nl["2023-06-01-journee"]["LOCATION"]) == "Rue de l'Exemple 3, 1060 Sint-Gillis · Online"
    assert fr["2023-03-28-atelier"].categories == ["Santé mentale", "Périnatalité"]


def test_commas_semicolons_and_line_breaks_are_escaped(project):
    data = ical.event_ics(project, "fr", by_slug(project, "2023-03-28-atelier"))
    unfolded = data.replace(b"\r\n ", b"")
    assert b"LOCATION:Maison de quartier\\; salle 2\\, rez\\, Rue de l'Exemple 1\\, 1190 Forest\r\n" in unfolded
    assert ical.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    description = str(parse(data).walk("VEVENT")[0]["DESCRIPTION"])
    assert description.split("\n\n") == [
        LONG, "Organisation : Brusano\nPrix : Gratuit",
        "https://www.bassin-sud.brussels/agenda/2023-03-28-atelier/"]


def test_lines_are_folded_at_75_octets_without_cutting_a_character(project):
    data = ical.calendar(project, project.territories["sud"], "fr", events_of(project))
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 3
    for line in lines:
        line.decode("utf-8")  # each line alone: no UTF-8 sequence split
    summary = vevents(data)["2023-03-28-atelier"]["DESCRIPTION"]
    assert str(summary).startswith(LONG)
    for text in ("é" * 100, "x" + "é" * 100, "🙂" * 40, "a" * 75, "a" * 76):
        folded = ical.fold(text)
        assert all(len(line) <= 75 for line in folded.split(b"\r\n"))
        assert folded.replace(b"\r\n ", b"").decode("utf-8") == text


def test_an_event_has_one_uid_in_both_languages_and_on_every_site(project):
    sud, region = project.territories["sud"], project.territories["region"]
    feeds = [ical.calendar(project, territory, lang, events_of(project, territory.id if territory is sud else None))
             for territory in (sud, region) for lang in ("fr", "nl")]
    uids = [{str(e["UID"]) for e in parse(f).walk("VEVENT")} for f in feeds]
    assert uids[0] == uids[1] and uids[2] == uids[3] and uids[0] < uids[2]
    atelier = by_slug(project, "2023-03-28-atelier")
    single = {str(e["UID"]) for lang in ("fr", "nl")
              for e in parse(ical.event_ics(project, lang, atelier)).walk("VEVENT")}
    assert single == {"2023-03-28-atelier@sud.brusano.brussels"}
    on_region = vevents(feeds[3])["2023-03-28-atelier"]
    assert str(on_region["URL"]) == "https://www.zorgzone-zuid.brussels/agenda/2023-03-28-atelier/"


def test_stamps_come_from_the_build_day_and_two_renderings_are_byte_identical(project, tmp_path):
    region = project.territories["region"]
    data = ical.calendar(project, region, "nl", events_of(project))
    assert {e["DTSTAMP"].dt for e in parse(data).walk("VEVENT")} == {datetime(2023, 3, 1, tzinfo=UTC)}
    again = load(tmp_path)
    assert ical.calendar(again, again.territories["region"], "nl", list(reversed(events_of(again)))) == data
    starts = [e["DTSTART"].dt for e in parse(data).walk("VEVENT")]
    moments = [s if isinstance(s, datetime) else datetime.combine(s, datetime.min.time(), BRUSSELS) for s in starts]
    assert moments == sorted(moments)


# Atom


def test_the_news_feed_is_atom_with_stable_ids_dates_and_links(project):
    sud = project.territories["sud"]
    news = [n for n in project.news if n.territory == "sud"]
    root = ET.fromstring(feed.news_atom(project, sud, "nl", news))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", ATOM)}
    assert links == {"self": sud.absolute("nl", NEWS_FEED), "alternate": sud.absolute("nl", f"{NEWS}/")}
    assert root.findtext("a:updated", namespaces=ATOM) == "2023-02-20T00:00:00Z"
    assert root.findtext("a:author/a:name", namespaces=ATOM) == "Brusano"
    entries = root.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == ["Nouvelle", "Open forum"]  # newest first
    first, second = entries
    assert first.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"  # not translated
    assert second.findtext("a:id", namespaces=ATOM) == (
        "tag:brusano.brussels,2023-01-19:sud/actualites/2023-01-19-forum-ouvert/nl")
    assert second.findtext("a:published", namespaces=ATOM) == "2023-01-19T00:00:00Z"
    assert second.findtext("a:updated", namespaces=ATOM) == "2023-01-19T00:00:00Z"
    assert second.find("a:link", ATOM).get("href") == "https://www.zorgzone-zuid.brussels/actualites/2023-01-19-forum-ouvert/"
    assert [(c.get("term"), c.get("label")) for c in second.findall("a:category", ATOM)] == [
        ("organisation-integree", "Geïntegreerde organisatie"), ("sante-mentale", "Geestelijke gezondheid")]
    fr = ET.fromstring(feed.news_atom(project, sud, "fr", news))
    assert fr.findall("a:entry", ATOM)[1].findtext("a:summary", namespaces=ATOM) == "Retour sur le forum & ses suites."
    assert {e.findtext("a:id", namespaces=ATOM) for e in fr.findall("a:entry", ATOM)}.isdisjoint(
        {e.findtext("a:id", namespaces=ATOM) for e in entries})
    assert feed.news_atom(project, sud, "fr", list(reversed(news))) == feed.news_atom(project, sud, "fr", news)


# JSON-LD


def test_event_dates_carry_brussels_offset_and_statuses_are_schema_org(project):
    sud, region = project.territories["sud"], project.territories["region"]

    def data(slug, lang="fr", site=sud):
        found = structured_data.event(project, site, lang, by_slug(project, slug))
        return json.loads(json.dumps(found))

    summer, winter = data("2023-03-28-atelier"), data("2023-03-25-permanence")
    assert (summer["startDate"], summer["endDate"]) == ("2023-03-28T09:30:00+02:00", "2023-03-28T12:00:00+02:00")
    assert winter["startDate"] == "2023-03-25T14:00:00+01:00"
    week = data("2023-04-03-semaine", "nl", region)
    assert (week["startDate"], week["endDate"]) == ("2023-04-03", "2023-04-05")  # schema.org: the last day
    assert week["eventStatus"] == "https://schema.org/EventCancelled"
    assert data("2023-05-10-forum")["eventStatus"] == "https://schema.org/EventPostponed"
    assert "endDate" not in data("2023-05-10-forum")
    assert data("2023-02-10-rencontre")["eventStatus"] == "https://schema.org/EventScheduled"
    full = data("2023-06-01-journee", "nl")
    assert full["eventStatus"] == "https://schema.org/EventScheduled"
    assert full["offers"] == {"@type": "Offer", "availability": "https://schema.org/SoldOut",
                              "url": "https://example.org/inscription"}
    assert full["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert full["location"] == [
        {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "Rue de l'Exemple 3",
                                       "postalCode": "1060", "addressLocality": "Sint-Gillis",
                                       "addressRegion": "Brussels Hoofdstedelijk Gewest", "addressCountry": "BE"}},
        {"@type": "VirtualLocation", "url": "https://example.org/inscription"}]
    assert winter["location"] == {"@type": "VirtualLocation", "url": "https://example.org/visio"}
    assert winter["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert summer["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert summer["location"]["name"] == "Maison de quartier; salle 2, rez"
    assert summer["organizer"] == {"@type": "Organization", "name": "Brusano"}
    assert summer["url"] == "https://www.bassin-sud.brussels/agenda/2023-03-28-atelier/"
    assert data("2023-03-28-atelier", "nl", region)["url"] == "https://www.zorgzone-zuid.brussels/agenda/2023-03-28-atelier/"
    assert data("2023-05-10-forum", "nl")["inLanguage"] == "fr"  # shown in French on the Dutch site
    assert "isAccessibleForFree" not in summer and "offers" not in summer


def test_news_and_notices_are_news_articles(project):
    sud = project.territories["sud"]
    news = next(n for n in project.news if n.slug == "2023-01-19-forum-ouvert")
    article = structured_data.news_article(project, sud, "nl", news)
    assert article["@type"] == "NewsArticle" and article["headline"] == "Open forum"
    assert article["datePublished"] == "2023-01-19" and article["inLanguage"] == "nl"
    assert article["url"] == "https://www.zorgzone-zuid.brussels/actualites/2023-01-19-forum-ouvert/"
    assert article["image"] == "https://www.zorgzone-zuid.brussels/actualites/forum.png"
    assert article["publisher"] == {"@type": "Organization", "name": "Brusano", "url": "https://www.brusano.brussels/nl/"}
    assert article["isPartOf"] == {"@type": "WebSite", "name": "Zorgzone Zuid", "url": "https://www.zorgzone-zuid.brussels/"}
    assert "image" not in structured_data.news_article(project, sud, "fr", project.news[0])
    (notice,) = project.notices
    data = structured_data.notice(project, sud, "fr", notice)
    assert data["@type"] == "NewsArticle"
    assert data["author"] == {"@type": "Organization", "name": "Service fictif", "url": "https://example.org/"}
    assert data["url"] == "https://www.bassin-sud.brussels/valves/2023-02-15-permanence/"
    json.dumps(data)
