"""Bad input: what an editor can get wrong, the exact line they read, and that nothing is published.

Each case is a small repository (tests.support.make_repo: the real sites/ and theme/,
a two-page site, plus the case's files). For each one:

- `check` names the problem on the exact line an editor reads (file:line: where: message);
  in English (--messages en), no French word is left, and a case's `english` line is there;
- a build into a folder that holds a previous good build fails and leaves that build
  intact, byte for byte. A warning fails the build under --strict only.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from publishing import build_sites
from publishing.commands.check import check
from publishing.problems import messages
from tests.support import make_repo

GOOD = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # {{ territory.name }}

    Bienvenue. Voir [une autre page](autre.md).
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # {{ territory.name }}

    Welkom. Zie [een andere pagina](autre.md).
    -- content/shared/autre.fr.md --
    ---
    title: Autre page
    nav: 1
    ---
    # Autre page

    ## Une section
    -- content/shared/autre.nl.md --
    ---
    title: Andere pagina
    nav: 1
    ---
    # Andere pagina

    ## Een sectie
"""

PAGE = "---\ntitle: Page\n---\n# Page\n\n"  # a page's head, then the body of the case


@dataclass
class Case:
    id: str
    expected: str  # the first line of the problem, exactly as `check` prints it
    files: str = ""  # inline files (tests.support.make_repo), added to GOOD
    raw: dict[str, bytes] = field(default_factory=dict)  # files written byte for byte
    edit: dict[str, tuple[str, str]] = field(default_factory=dict)  # path: (old, new) in a copied file
    warning: bool = False
    english: str = ""  # a line of the English output (the fix, where the catalogue words a suggestion)


def page(path: str, body: str) -> dict[str, bytes]:
    return {path: (PAGE + body).encode("utf-8")}


SUD = "sites/sud.yml"
CASES = [
    # --- files and syntax ---------------------------------------------------------------------
    Case("invalid-yaml",
         "sites/sud.yml:4: YAML illisible : expected ',' or '}', but got ':'.",
         edit={SUD: ("name:\n  fr: Bassin Sud", "name: {fr: Bassin Sud")}),
    Case("tab-indentation",
         "sites/nord.yml:4: une tabulation sert d'indentation.",
         edit={"sites/nord.yml": ("  fr: Bassin Nord", "\tfr: Bassin Nord")}),
    Case("utf16-bom",
         "content/shared/bom.fr.md:1: le fichier n'est pas en UTF-8 (octet 0xff à la position 0).",
         raw={"content/shared/bom.fr.md": "\ufeff---\ntitle: x\n---\n".encode("utf-16")}),
    Case("not-utf8",
         "content/shared/latin.fr.md:2: le fichier n'est pas en UTF-8 (octet 0xc9 à la position 11).",
         raw={"content/shared/latin.fr.md": "---\ntitle: Été\n---\n# Été\n".encode("latin-1")}),
    Case("empty-file",
         "content/shared/vide.fr.md: le fichier est vide.",
         raw={"content/shared/vide.fr.md": b""}),
    Case("huge-file",
         "content/shared/enorme.fr.md: le fichier est trop gros (3.3 Mo, maximum 2 Mo).",
         raw={"content/shared/enorme.fr.md": (PAGE + "x" * 80 + "\n").encode() * 30000}),
    # --- sites/ -----------------------------------------------------------------------------------
    Case("unknown-commune",
         "sites/sud.yml:14: communes[0]: commune inconnue « forrest ».",
         edit={SUD: ("  - forest\n", "  - forrest\n")},
         english="  Fix: use the id of one of the 19 communes in sites/communes.yml (did you mean 'forest'?)."),
    Case("commune-without-its-part",
         "sites/sud.yml:14: communes[0]: « bruxelles » est partagée entre plusieurs bassins.",
         edit={SUD: ("  - forest\n", "  - bruxelles\n")},
         english="  Fix: name the part, e.g. 'bruxelles/laeken'."),
    Case("commune-in-two-bassins",
         "sites/sud.yml:15: communes[1]: « jette » est déjà dans le territoire « nord ».",
         edit={SUD: ("  - forest\n", "  - forest\n  - jette\n")}),
    Case("unknown-territory-file",
         "sites/ouest.yml:1: « ouest » n'est pas un des six territoires (region, nord, nord-est, centre-ouest, sud, sud-est).",
         raw={"sites/ouest.yml": b"kind: bassin\n"}),
    Case("bad-colour",
         "sites/sud.yml:12: colour: couleur « vert » invalide.",
         edit={SUD: ('colour: "#0f6470"', 'colour: "vert"')}),
    Case("low-contrast",
         "sites/sud.yml:12: colour: la couleur « #a0d8e0 » est trop claire : contraste de 1.6:1 avec le texte blanc (minimum 4.5:1, WCAG AA).",
         edit={SUD: ('colour: "#0f6470"', 'colour: "#a0d8e0"')}),
    Case("missing-nl-name",
         "sites/sud.yml:3: name: le texte néerlandais manque pour « name ».",
         edit={SUD: ("  nl: Zorgzone Zuid\n", "")}),
    Case("unknown-key-in-site",
         "sites/sud.yml:3: clé inconnue « color ».",
         edit={SUD: ("order: 4", "order: 4\ncolor: blue")}),
    # --- pages: front matter --------------------------------------------------------------------
    Case("front-matter-unclosed",
         "content/shared/p.fr.md:1: l'en-tête (front matter) ouvert par « --- » n'est jamais fermé.",
         raw={"content/shared/p.fr.md": b"---\ntitle: P\n\n# P\n"}),
    Case("front-matter-after-blank-line",
         "content/shared/p.fr.md:2: l'en-tête « --- » ne commence pas à la première ligne du fichier : il serait affiché comme du texte.",
         raw={"content/shared/p.fr.md": b"\n---\ntitle: P\n---\n# P\n"}),
    Case("front-matter-without-opening",
         "content/shared/p.fr.md:1: l'en-tête n'est pas ouvert par une ligne « --- » : « title: P » serait affiché comme un titre.",
         raw={"content/shared/p.fr.md": b"title: P\n---\n# P\n"}),
    Case("stray-dashes",
         "content/shared/p.fr.md:9: la ligne « --- » sous « updated: 2024-01-01 » en fait un titre.",
         raw=page("content/shared/p.fr.md", "Texte.\n\nupdated: 2024-01-01\n---\n")),
    Case("unknown-front-matter-key",
         "content/shared/p.fr.md:2: clé inconnue « titre ».",
         raw={"content/shared/p.fr.md": b"---\ntitre: P\n---\n# P\n"}),
    Case("impossible-date",
         "content/shared/p.fr.md:3: updated: la date « 2024-02-30 » n'existe pas.",
         raw={"content/shared/p.fr.md": b"---\ntitle: P\nupdated: 2024-02-30\n---\n# P\n"}),
    Case("no-language-suffix",
         "content/shared/p.md: le nom du fichier n'indique pas la langue.",
         raw={"content/shared/p.md": PAGE.encode()}),
    Case("dutch-only-page",
         "content/shared/alleen.nl.md: la page n'existe qu'en néerlandais.",
         raw={"content/shared/alleen.nl.md": PAGE.encode()}),
    Case("no-title",
         "content/shared/p.fr.md:1: la page n'a pas de titre.",
         raw={"content/shared/p.fr.md": b"Du texte sans titre.\n"}),
    Case("unknown-variable",
         "content/shared/p.fr.md:6: variable ou balise incorrecte : 'dict object' has no attribute 'nme'.",
         raw=page("content/shared/p.fr.md", "Le {{ territory.nme }}.\n")),
    Case("include-outside",
         "content/shared/p.fr.md:7: « {% include %} » : une page ne peut pas inclure un autre fichier (« ../../etc/passwd »).",
         raw=page("content/shared/p.fr.md", 'Texte.\n{% include "../../etc/passwd" %}\n')),
    # --- pages: links and images -------------------------------------------------------------------
    Case("broken-link",
         "content/shared/p.fr.md:6: lien vers « autres.md » : aucune page à cette adresse.",
         raw=page("content/shared/p.fr.md", "Voir [la page](autres.md).\n"),
         english="  Fix: fix the link (the .md file name, relative to this page, e.g. ../helpdesk.md) "
                 "(did you mean 'autre.md'?), or create the page."),
    Case("broken-anchor",
         "content/shared/p.fr.md:6: lien vers « autre.md#une-sectoin » : la page existe, mais pas la section « #une-sectoin ».",
         raw=page("content/shared/p.fr.md", "Voir [la section](autre.md#une-sectoin).\n"),
         english="  Fix: use the anchor of a heading of that page (did you mean '#une-section'?): the heading in "
                 "lower case, without accents, hyphens for spaces."),
    Case("link-to-a-page-the-region-lacks",
         "content/shared/p.fr.md:6: lien vers « concertation.md » : aucune page à cette adresse [region, region/nl].",
         files="""
        -- content/bassins/concertation.fr.md --
        # Concertation
        -- content/bassins/concertation.nl.md --
        # Overleg
    """, raw=page("content/shared/p.fr.md", "Voir [la concertation](concertation.md).\n")),
    Case("broken-link-to-another-site",
         "content/shared/p.fr.md:6: lien vers « https://www.brusano.brussels/autre-page/ » : aucune page à cette adresse.",
         raw=page("content/shared/p.fr.md", "Voir [Brusano](https://www.brusano.brussels/autre-page/).\n"),
         english="  Fix: fix the link (the .md file name, relative to this page, e.g. ../helpdesk.md) "
                 "(did you mean 'https://www.brusano.brussels/autre/'?), or create the page."),
    Case("broken-link-close-to-the-page-itself",
         "content/shared/p.fr.md:6: lien vers « https://www.brusano.brussels/pp/ » : aucune page à cette adresse.",
         raw=page("content/shared/p.fr.md", "Voir [cette page](https://www.brusano.brussels/pp/).\n"),
         english="  Fix: fix the link (the .md file name, relative to this page, e.g. ../helpdesk.md), "
                 "or create the page."),
    Case("broken-link-in-a-footnote",
         "content/shared/p.fr.md:8: lien vers « autres.md » : aucune page à cette adresse.",
         raw=page("content/shared/p.fr.md", "Un fait[^1].\n\n[^1]: Voir [la page](autres.md).\n")),
    Case("broken-reference-link",
         "content/shared/p.fr.md:9: lien vers « autres.md » : aucune page à cette adresse.",
         raw=page("content/shared/p.fr.md", "Voir [la page][p] et [encore][p].\n\n\n[p]: autres.md \"Titre\"\n")),
    Case("missing-image",
         "content/shared/p.fr.md:6: l'image « carte.png » n'existe pas.",
         raw=page("content/shared/p.fr.md", "![Carte des bassins](carte.png)\n")),
    Case("image-in-another-folder",
         "content/shared/p.fr.md:6: l'image « img/carte.png » est dans un autre dossier que le texte : elle ne serait pas publiée.",
         raw={**page("content/shared/p.fr.md", "![Carte des bassins](img/carte.png)\n"),
              "content/shared/img/carte.png": b"\x89PNG"}),
    Case("same-file-name-in-one-folder",
         "content/shared/guide/schema.png: « schema.png » a le nom d'un autre fichier publié dans le même dossier "
         "du site (content/sud/guide/schema.png) : celui-ci le remplacerait.",
         raw={**page("content/shared/guide/p.fr.md", "![Schéma du trajet de soins](schema.png)\n"),
              "content/shared/guide/schema.png": b"\x89PNG one",
              **page("content/sud/guide/q.fr.md", "![Schéma des services du bassin](schema.png)\n"),
              "content/sud/guide/schema.png": b"\x89PNG two"},
         english="  Fix: rename one of the two files and the links to it, "
                 "e.g. content/sud/guide/schema.png → schema-sud.png."),
    Case("image-without-alt",
         "content/shared/p.fr.md:8: l'image « carte.png » n'a pas de texte alternatif.",
         raw={**page("content/shared/p.fr.md", "Voici :\n\n![](carte.png)\n"),
              "content/shared/carte.png": b"\x89PNG"}),
    # --- pages: what a text may not hold -------------------------------------------------------------
    Case("script",
         "content/shared/p.fr.md:8: balise HTML <script> interdite dans un texte.",
         raw=page("content/shared/p.fr.md", "Texte.\n\n<script>alert('x')</script>\n")),
    Case("iframe",
         "content/shared/p.fr.md:6: balise HTML <iframe> interdite dans un texte.",
         raw=page("content/shared/p.fr.md", '<iframe src="https://example.org/"></iframe>\n')),
    Case("event-handler",
         "content/shared/p.fr.md:6: attribut « onmouseover » interdit : il exécuterait du code.",
         raw=page("content/shared/p.fr.md", '<p onmouseover="alert(1)">Texte</p>\n')),
    Case("event-handler-in-attribute-list",
         "content/shared/p.fr.md:6: attribut « onclick » interdit : il exécuterait du code.",
         raw=page("content/shared/p.fr.md", 'Voir [la page](autre.md){ onclick="alert(1)" }\n')),
    Case("javascript-link",
         "content/shared/p.fr.md:6: lien « javascript:alert(1) » interdit : il exécuterait du code.",
         raw=page("content/shared/p.fr.md", "[Cliquez](javascript:alert(1))\n")),
    Case("snippet-path-traversal",
         "content/shared/p.fr.md:6: « --8<-- » inclut « ../../etc/passwd », hors du dépôt.",
         raw=page("content/shared/p.fr.md", '--8<-- "../../etc/passwd"\n')),
    Case("snippet-in-repository",
         "content/shared/p.fr.md:6: « --8<-- » (inclusion de « content/shared/autre.fr.md ») n'est pas disponible : la ligne serait affichée telle quelle.",
         raw=page("content/shared/p.fr.md", '--8<-- "content/shared/autre.fr.md"\n')),
    # --- warnings: they stop a --strict build ----------------------------------------------------------
    Case("draft",
         "content/shared/p.fr.md:3: avertissement: brouillon (draft: true) : non publié.",
         warning=True, raw={"content/shared/p.fr.md": b"---\ntitle: P\ndraft: true\n---\n# P\n"}),
    Case("missing-translation",
         "content/shared/p.fr.md: avertissement: pas de traduction néerlandaise (publiée en français avec un avis en néerlandais).",
         warning=True, raw={"content/shared/p.fr.md": PAGE.encode()}),
    Case("dutch-links-to-french",
         "content/shared/index.nl.md:7: avertissement: le texte néerlandais renvoie à la page française « autre.fr.md », alors qu'elle existe en néerlandais.",
         warning=True,
         edit={"content/shared/index.nl.md": ("(autre.md)", "(autre.fr.md)")}),
    Case("dutch-links-to-french-site",
         "content/shared/index.nl.md:7: avertissement: le texte néerlandais renvoie à la page française « https://www.bassin-sud.brussels/autre/ », alors qu'elle existe en néerlandais.",
         warning=True,
         edit={"content/shared/index.nl.md": ("(autre.md)", "(https://www.bassin-sud.brussels/autre/)")}),
    Case("translation-older-than-french",
         "content/shared/autre.nl.md: avertissement: traduction plus ancienne que le français : « content/shared/autre.fr.md » a changé le 2024-06-01, cette traduction date du 2024-03-01.",
         warning=True,
         edit={"content/shared/autre.fr.md": ("nav: 1", "nav: 1\nupdated: 2024-06-01"),
               "content/shared/autre.nl.md": ("nav: 1", "nav: 1\nupdated: 2024-03-01")}),
    # --- Focus ------------------------------------------------------------------------------------------
    Case("unknown-key-in-focus",
         "focus/essai/focus.yml:2: clé inconnue « couverture ».",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        couverture: "#1b4f8a"
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Texte
    """),
    Case("focus-without-french",
         "focus/essai/index.fr.md: le Focus « essai » n'a pas de texte français (index.fr.md).",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        -- focus/essai/index.nl.md --
        ---
        title: Proef
        summary: Een proef.
        ---
        ## Tekst
    """),
    Case("focus-missing-dutch-title",
         "focus/essai/index.nl.md:2: la clé « title » manque.",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Texte
        -- focus/essai/index.nl.md --
        ---
        summary: Een proef.
        ---
        ## Tekst
    """),
    Case("focus-unknown-directory",
         "focus/essai/focus.yml:2: directories[0]: répertoire inconnu « sante-mental ».",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        directories: [sante-mental]
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Texte
        -- directories/sante-mentale.yml --
        title: {fr: Santé mentale, nl: Geestelijke gezondheid}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            serves: region
    """, english="  Fix: use the name of a file in directories/: sante-mentale."),
    Case("focus-directory-before-any-directory",
         "focus/essai/focus.yml:2: directories[0]: répertoire inconnu « sante-mentale » : "
         "le dossier directories/ n'a encore aucun répertoire.",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        directories: [sante-mentale]
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Texte
    """, english="  Fix: create directories/sante-mentale.yml (its format: the editors' guide, on directories), "
                  "or remove 'sante-mentale' from the 'directories' list of focus.yml."),
    Case("focus-script",
         "focus/essai/index.fr.md:6: balise HTML <script> interdite dans un texte.",
         files="""
        -- focus/essai/focus.yml --
        updated: 2024-05-01
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Texte
        <script src="https://example.org/x.js"></script>
    """),
    # --- directories --------------------------------------------------------------------------------------
    Case("duplicate-ids",
         "directories/essai.yml:7: entries[1] (ligne): l'identifiant « ligne » est déjà utilisé par entries[0] du fichier.",
         files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            serves: region
          - id: ligne
            name: {fr: Autre ligne, nl: Andere lijn}
            description: {fr: Une autre ligne., nl: Een andere lijn.}
            serves: region
    """),
    Case("html-in-directory-entry",
         "directories/essai.yml:3: entries[0] (ligne).description.fr: avertissement: du HTML (« <img src=x onerror=alert(1)> ») : il sera affiché tel quel, balises comprises.",
         warning=True, files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: "<img src=x onerror=alert(1)> Une ligne.", nl: Een lijn.}
            serves: region
    """),
    Case("unknown-commune-in-directory",
         "directories/essai.yml:6: entries[0] (ligne).address.commune: commune inconnue « forets ».",
         files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            address: {street: Rue de l'Essai 1, postcode: "1190", commune: forets}
    """, english="  Fix: use the id of one of the 19 communes in sites/communes.yml (did you mean 'forest'?)."),
    Case("unknown-category",
         "directories/essai.yml:9: entries[0] (ligne).categories.0: catégorie inconnue « soin » "
         "(vouliez-vous dire « soins » ?).",
         files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        categories:
          soins: {fr: Soins, nl: Zorg}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            serves: region
            categories: [soin]
    """, english="directories/essai.yml:9: entries[0] (ligne).categories.0: unknown category 'soin' "
                  "(did you mean 'soins'?)."),
    Case("category-in-a-file-without-categories",
         "directories/essai.yml:7: entries[0] (ligne).categories.0: catégorie « soins » non déclarée : "
         "le fichier ne déclare aucune catégorie.",
         files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            serves: region
            categories: [soins]
    """, english="  Fix: declare it at the top of the file: a 'categories:' line, then below it, indented, "
                  "'soins: {fr: …, nl: …}' (its title in French and in Dutch)."),
    Case("unknown-bassin-in-serves",
         "directories/essai.yml:6: entries[0] (ligne).serves.1: « serves » ne connaît pas « sude ».",
         files="""
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            serves: [nord, sude]
    """, english="  Fix: write 'region' or a list of bassins among: nord, nord-est, centre-ouest, sud, sud-est "
                  "(did you mean 'sud'?)."),
    # --- the old sites' addresses ------------------------------------------------------------------------
    Case("old-address-twice",
         "sites/anciennes-adresses.yml:4: addresses[1].from: l'ancienne adresse « https://www.brusano.brussels/ancienne » est déjà indiquée ligne 2.",
         files="""
        -- sites/anciennes-adresses.yml --
        addresses:
          - from: https://brusano.brussels/ancienne/
            to: https://www.brusano.brussels/autre/
          - from: https://www.brusano.brussels/ancienne
            to: https://www.brusano.brussels/
    """, english="  Fix: keep one line: with or without www., with or without the final slash, it is the same address."),
    Case("old-address-no-page",
         "sites/anciennes-adresses.yml:3: addresses[0].to: « https://www.brusano.brussels/autre-page/ » ne mène à aucune page des sites.",
         files="""
        -- sites/anciennes-adresses.yml --
        addresses:
          - from: https://brusano.brussels/ancienne/
            to: https://www.brusano.brussels/autre-page/
    """),
    Case("old-address-chain",
         "sites/anciennes-adresses.yml:5: addresses[1].to: « https://brusano.brussels/ancienne/ » est elle-même une ancienne adresse (ligne 2) : le visiteur serait renvoyé deux fois.",
         files="""
        -- sites/anciennes-adresses.yml --
        addresses:
          - from: https://brusano.brussels/ancienne/
            to: https://www.brusano.brussels/autre/
          - from: https://brusano.brussels/plus-ancienne/
            to: https://brusano.brussels/ancienne/
    """, english="  Fix: give the final destination directly: https://www.brusano.brussels/autre/"),
    Case("old-address-loop",
         "sites/anciennes-adresses.yml:3: addresses[0].to: « https://www.brusano.brussels/b/ » renvoie à l'ancienne adresse de la ligne 4, qui revient ici : une boucle sans page.",
         files="""
        -- sites/anciennes-adresses.yml --
        addresses:
          - from: https://www.brusano.brussels/a/
            to: https://www.brusano.brussels/b/
          - from: https://www.brusano.brussels/b/
            to: https://www.brusano.brussels/a/
    """),
    Case("old-address-elsewhere",
         "sites/anciennes-adresses.yml:2: addresses[0].from: « https://www.brusano.be/a/ » n'est pas une adresse des sites (www.bassin-centre-ouest.brussels, www.bassin-nord-est.brussels, www.bassin-nord.brussels, www.bassin-sud-est.brussels, www.bassin-sud.brussels, www.brusano.brussels, www.zorgzone-centrum-west.brussels, www.zorgzone-noord-oost.brussels, www.zorgzone-noord.brussels, www.zorgzone-zuid-oost.brussels, www.zorgzone-zuid.brussels).",
         files="""
        -- sites/anciennes-adresses.yml --
        addresses:
          - from: https://www.brusano.be/a/
            to: https://www.brusano.brussels/autre/
    """),
    # --- syntheses ------------------------------------------------------------------------------------------
    Case("synthesis-wrong-date",
         "content/sud/syntheses/2024-05-02-rencontre.fr.md:3: date: la date 2024-05-03 ne correspond pas à celle du nom du fichier (2024-05-02).",
         files="""
        -- content/sud/syntheses/2024-05-02-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-05-03
        kind: rencontre
        summary: Un résumé.
        ---
        ## Contexte
    """),
    Case("synthesis-day-for-month",
         "content/sud/syntheses/2024-05-rencontre.fr.md:3: date: la date 2024-05-02 ne correspond pas à celle du nom du fichier (2024-05).",
         files="""
        -- content/sud/syntheses/2024-05-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-05-02
        kind: rencontre
        summary: Un résumé.
        ---
        ## Contexte
    """, english="  Fix: fix the date or rename the file: both must be the meeting's date, to the day (2024-03-14) or "
                  "to the month (2024-03)."),
    Case("synthesis-month-13",
         "content/sud/syntheses/2024-13-rencontre.fr.md: le nom « 2024-13-rencontre.fr.md » ne suit pas le modèle AAAA-MM-JJ-sujet.fr.md.",
         files="""
        -- content/sud/syntheses/2024-13-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-13
        kind: rencontre
        summary: Un résumé.
        ---
        ## Contexte
    """),
    Case("synthesis-unknown-kind",
         "content/sud/syntheses/2024-05-02-rencontre.fr.md:4: kind: valeur « reunion » non permise.",
         files="""
        -- content/sud/syntheses/2024-05-02-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-05-02
        kind: reunion
        summary: Un résumé.
        ---
        ## Contexte
    """),
    Case("synthesis-bad-name",
         "content/sud/syntheses/rencontre-mai.fr.md: le nom « rencontre-mai.fr.md » ne suit pas le modèle AAAA-MM-JJ-sujet.fr.md.",
         files="""
        -- content/sud/syntheses/rencontre-mai.fr.md --
        ---
        title: Rencontre
        date: 2024-05-02
        kind: rencontre
        summary: Un résumé.
        ---
        ## Contexte
    """),
]


def make_case(tmp_path: Path, case: Case) -> Path:
    root = make_repo(tmp_path, textwrap.dedent(GOOD) + textwrap.dedent(case.files))
    for path, (old, new) in case.edit.items():
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{case.id}: {old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    for path, data in case.raw.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return root


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """The good repository, built (site sud, both languages): what is online before each mistake."""
    root = make_repo(tmp_path_factory.mktemp("good"), GOOD)
    out = root.parent / "public"
    report = build_sites(root, ["sud"], out=out, strict=True)
    assert not report.problems, report.render()
    return out


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)


# What gives French away in an English message: guillemets, and words that are no names
# (a name such as `une-section` or `nord-est` is data, and may stay).
FRENCH = re.compile(r"[«»]|(?<![\w-])(?:vouliez|dire|le|la|les|des|une|est|pas|ou|du|dans|avec|fichier|à faire)"
                    r"(?![\w-])", re.IGNORECASE)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_names_the_problem(tmp_path, case):
    root = make_case(tmp_path, case)
    report = check(root)
    lines = report.render("fr").splitlines()
    assert case.expected in lines, "\n".join(lines)
    assert report.failed(strict=True)
    assert report.failed() is not case.warning, "\n".join(lines)
    english = report.render("en")
    assert not FRENCH.search(english), english
    assert not case.english or case.english in english.splitlines(), english


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_failed_build_publishes_nothing(tmp_path, good_build, case):
    root = make_case(tmp_path, case)
    out = tmp_path / "public"
    shutil.copytree(good_build, out)
    before = snapshot(out)
    report = build_sites(root, ["sud"], out=out, strict=case.warning)
    assert report.failed(strict=case.warning), report.render()
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "repo"]  # no half-built folder left


def test_every_problem_is_worded_in_english_too(tmp_path):
    root = make_case(tmp_path, CASES[[c.id for c in CASES].index("broken-anchor")])
    english = check(root).render("en")
    assert ("content/shared/p.fr.md:6: link to 'autre.md#une-sectoin': the page exists, "
            "but not its section '#une-sectoin'.") in english.splitlines()
    assert "  Fix: use the anchor of a heading of that page (did you mean '#une-section'?)" in english


def test_a_file_name_clash_says_which_file_to_rename(tmp_path):
    root = make_case(tmp_path, CASES[[c.id for c in CASES].index("same-file-name-in-one-folder")])
    lines = check(root).render("fr").splitlines()
    assert ("  À faire: renommez l'un des deux fichiers et les liens vers lui, "
            "par ex. content/sud/guide/schema.png → schema-sud.png.") in lines


def test_every_message_has_french_and_english_with_a_fix():
    for code, table in messages.MESSAGES.items():
        assert set(table) == {"fr", "en"}, code
        for lang, (text, fix) in table.items():
            assert text and fix, (code, lang)


@pytest.mark.slow
def test_drafts_are_reported_and_never_published(tmp_path):
    root = make_repo(tmp_path, textwrap.dedent(GOOD) + textwrap.dedent("""
        -- content/shared/projet.fr.md --
        ---
        title: Projet
        draft: true
        ---
        Texte du brouillon : zanzibar.
        -- focus/projet/focus.yml --
        updated: 2024-05-01
        draft: true
        -- focus/projet/index.fr.md --
        ---
        title: Focus en cours
        summary: zanzibar.
        ---
        ## zanzibar
        -- content/sud/syntheses/2024-05-02-projet.fr.md --
        ---
        title: Synthèse en cours
        date: 2024-05-02
        kind: rencontre
        summary: zanzibar.
        draft: true
        ---
        ## zanzibar
    """))
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out)
    assert not report.errors, report.render()
    assert sorted(p.file for p in report.warnings if p.code == "draft") == [
        "content/shared/projet.fr.md", "content/sud/syntheses/2024-05-02-projet.fr.md", "focus/projet/focus.yml"]
    assert (out / "sud" / "index.html").is_file()
    for file in out.rglob("*"):
        assert "projet" not in file.name, file
        if file.suffix in (".html", ".xml", ".json"):
            assert "zanzibar" not in file.read_text(encoding="utf-8"), file


def test_a_utf8_bom_is_accepted(tmp_path):
    root = make_repo(tmp_path, GOOD)
    (root / "content/shared/bom.fr.md").write_bytes("\ufeff---\ntitle: Avec BOM\n---\n# Avec BOM\n".encode())
    report = check(root)
    assert [p.code for p in report.problems] == ["not_translated"], report.render()
