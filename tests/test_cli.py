"""The command line as editors and CI run it: messages on stdout, exit codes 0, 1 and 2."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import HOME, ROOT, make_repo

GOOD = HOME


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture
def good(tmp_path) -> Path:
    return make_repo(tmp_path, GOOD)


@pytest.mark.slow
def test_check_of_a_good_repository_exits_0(good):
    result = run(good, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "0 erreur, 0 avertissement.\n"


@pytest.mark.slow
def test_content_errors_exit_1_and_are_listed_with_their_fix(good):
    (good / "content/shared/p.fr.md").write_text("---\ntitle: P\n---\nVoir [x](absente.md).\n", encoding="utf-8")
    (good / "content/shared/p.nl.md").write_text("---\ntitle: P\n---\nZie [x](afwezig.md).\n", encoding="utf-8")
    result = run(good, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/shared/p.fr.md:4: lien vers « absente.md » : aucune page à cette adresse.",
        "  À faire: corrigez le lien (le nom du fichier .md, relatif à cette page, par ex. ../helpdesk.md), "
        "ou créez la page.",
        "content/shared/p.nl.md:4: lien vers « afwezig.md » : aucune page à cette adresse.",
        "  À faire: corrigez le lien (le nom du fichier .md, relatif à cette page, par ex. ../helpdesk.md), "
        "ou créez la page.",
        "2 erreurs, 0 avertissement.",
    ]
    english = run(good, "--messages", "en", "check")
    assert english.returncode == 1 and english.stdout.endswith("2 errors, 0 warnings.\n")


@pytest.mark.slow
def test_a_failed_build_exits_1_and_says_nothing_was_published(good, tmp_path):
    (good / "content/shared/p.fr.md").write_text("---\ntitle: P\n---\n<script>alert(1)</script>\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(good, "build", "--site", "sud", "--out", str(out))
    assert result.returncode == 1
    assert "content/shared/p.fr.md:4: balise HTML <script> interdite dans un texte." in result.stdout.splitlines()
    assert result.stdout.endswith("1 erreur, 1 avertissement. Rien n'a été publié.\n")
    assert not out.exists()


@pytest.mark.slow
def test_strict_turns_warnings_into_errors(good, tmp_path):
    (good / "content/shared/seul.fr.md").write_text("---\ntitle: Seul\n---\n# Seul\n", encoding="utf-8")
    lenient = run(good, "check")
    assert lenient.returncode == 0
    assert lenient.stdout.endswith("0 erreur, 1 avertissement.\n")
    strict = run(good, "check", "--strict")
    assert strict.returncode == 1
    assert strict.stdout.endswith(
        "0 erreur, 1 avertissement. Mode strict : les avertissements comptent comme des erreurs.\n")
    out = tmp_path / "out"
    assert run(good, "build", "--site", "sud", "--lang", "fr", "--strict", "--out", str(out)).returncode == 1
    assert not out.exists()
    built = run(good, "build", "--site", "sud", "--lang", "fr", "--out", str(out))
    assert built.returncode == 0, built.stdout + built.stderr
    assert (out / "sud" / "seul" / "index.html").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ("build", "--site", "atlantide"),
    ("build", "--lang", "en"),
    ("build", "--vite"),
    ("chek",),
    (),
    ("new", "synthese", "x"),  # a synthesis needs --site and --date
])
def test_usage_errors_exit_2(good, args):
    result = run(good, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip()
    assert not (good / "public").exists()


USAGE = [
    (("new", "focus", "Aidants Proches"), {},
     "build.py: « Aidants Proches » : utilisez des minuscules, chiffres et tirets (par ex. sante-mentale).",
     "build.py: 'Aidants Proches': use lower-case letters, digits and hyphens (e.g. sante-mentale)."),
    (("new", "synthese", "x"), {},
     "build.py: une synthèse demande --site <territoire> et --date AAAA-MM-JJ (ou AAAA-MM si seul le mois est connu).",
     "build.py: a synthesis needs --site <territory> and --date YYYY-MM-DD (or YYYY-MM when only the month is known)."),
    (("new", "evenement", "forum"), {},
     "build.py: evenement demande --site <territoire> et --date AAAA-MM-JJ.",
     "build.py: evenement needs --site <territory> and --date YYYY-MM-DD."),
    (("new", "actualite", "--site", "sud", "--date", "2025-02-30", "x"), {},
     "build.py: « 2025-02-30 » n'est pas une date AAAA-MM-JJ.",
     "build.py: '2025-02-30' is not a YYYY-MM-DD date."),
    (("new", "synthese", "--site", "sud", "--date", "11/02/2025", "x"), {},
     "build.py: « 11/02/2025 » n'est pas une date AAAA-MM-JJ.",
     "build.py: '11/02/2025' is not a YYYY-MM-DD date."),
    (("check",), {"BRUSANO_TODAY": "demain"},
     "build.py: BRUSANO_TODAY=demain : la date s'écrit AAAA-MM-JJ.",
     "build.py: BRUSANO_TODAY=demain: the date is written YYYY-MM-DD."),
]


@pytest.mark.parametrize("args, env, french, english", USAGE, ids=[" ".join(case[0]) for case in USAGE])
def test_usage_errors_are_worded_in_the_language_of_messages(tmp_path, monkeypatch, capsys, args, env, french,
                                                             english):
    from publishing.cli import main

    root = make_repo(tmp_path, GOOD)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for lang, expected in (("fr", french), ("en", english)):
        assert main(["--root", str(root), "--messages", lang, *args]) == 2
        assert capsys.readouterr().err.splitlines() == [expected]


def test_new_says_what_it_created_and_what_exists_in_english_too(tmp_path, capsys):
    from publishing.cli import main

    root = make_repo(tmp_path, GOOD)
    assert main(["--root", str(root), "--messages", "en", "new", "focus", "aidants-proches"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"created: focus/aidants-proches/{name}" for name in ("focus.yml", "index.fr.md", "index.nl.md")]
    assert main(["--root", str(root), "--messages", "en", "new", "focus", "aidants-proches"]) == 2
    assert capsys.readouterr().err == "build.py: the folder focus/aidants-proches/ already exists.\n"
    assert main(["--root", str(root), "new", "focus", "aidants-proches"]) == 2
    assert capsys.readouterr().err == "build.py: le dossier focus/aidants-proches/ existe déjà.\n"
    synthesis = ["--root", str(root), "--messages", "en", "new", "synthese", "--site", "sud", "--date", "2025-02-11",
                 "rencontre"]
    assert main(synthesis) == 0
    capsys.readouterr()
    assert main(synthesis) == 2
    assert capsys.readouterr().err == "build.py: content/sud/syntheses/2025-02-11-rencontre.fr.md already exists.\n"


@pytest.mark.parametrize("args", [("--messages", "en", "build", "--help"), ("build", "--help", "--messages=en")])
def test_the_help_is_in_the_language_of_messages(monkeypatch, capsys, args):
    """The help comes from the catalogue (messages.WORDS help.*): French by default, English on request,
    wherever --messages is written."""
    from publishing.cli import main

    monkeypatch.delenv("BRUSANO_MESSAGES", raising=False)
    assert main(["build", "--help"]) == 0
    french = capsys.readouterr().out
    assert "un territoire (répétable)" in french and "AAAA-MM-JJ" in french
    assert main(list(args)) == 0
    english = capsys.readouterr().out
    assert "one territory (repeatable)" in english and "YYYY-MM-DD" in english and "répétable" not in english
