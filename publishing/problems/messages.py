"""What each problem code says, in French (the editors' language) and English.

One entry per stable code: the message and the fix. Loaders never write prose
themselves; they name a code and its parameters, so that a message is worded
once and can be translated here without touching the code that found it.
A parameter holds data only (a name, a path, a list of names); the words around
it, "did you mean" included, are here (PARTS). tests/test_messages.py reads the package's
source: every code it uses is here in French and English with the same {placeholders}, and
every code here is used.
"""
from __future__ import annotations

# code -> language -> (message, fix). Parameters in {braces}.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --- files and syntax -------------------------------------------------
    "not_utf8": {
        "fr": ("le fichier n'est pas en UTF-8 (octet {byte} à la position {position}).",
               "ouvrez-le dans votre éditeur et enregistrez-le en « UTF-8 »."),
        "en": ("the file is not UTF-8 (byte {byte} at position {position}).",
               "open it in your editor and save it as UTF-8."),
    },
    "empty_file": {
        "fr": ("le fichier est vide.", "ajoutez son contenu, ou supprimez le fichier."),
        "en": ("the file is empty.", "add its content, or delete the file."),
    },
    "file_too_large": {
        "fr": ("le fichier est trop gros ({size} Mo, maximum {limit} Mo).",
               "découpez-le en plusieurs fichiers ou réduisez les images."),
        "en": ("the file is too large ({size} MB, at most {limit} MB).",
               "split it, or make its images smaller."),
    },
    "yaml_syntax": {
        "fr": ("YAML illisible : {detail}.",
               "vérifiez l'indentation (des espaces, jamais de tabulations), les deux-points et les guillemets."),
        "en": ("YAML cannot be read: {detail}.",
               "check the indentation (spaces, never tabs), colons and quotes."),
    },
    "yaml_tab": {
        "fr": ("une tabulation sert d'indentation.", "remplacez la tabulation par des espaces."),
        "en": ("a tab is used for indentation.", "replace the tab with spaces."),
    },
    "front_matter_unclosed": {
        "fr": ("l'en-tête (front matter) ouvert par « --- » n'est jamais fermé.",
               "ajoutez une ligne « --- » à la fin de l'en-tête, avant le texte."),
        "en": ("the front matter opened with '---' is never closed.",
               "add a '---' line after the front matter, before the text."),
    },
    "front_matter_not_mapping": {
        "fr": ("l'en-tête doit être une liste de « clé: valeur ».",
               "écrivez par exemple « title: Mon titre » entre les deux lignes « --- »."),
        "en": ("the front matter must be 'key: value' lines.",
               "write e.g. 'title: My title' between the two '---' lines."),
    },
    "front_matter_not_first": {
        "fr": ("l'en-tête « --- » ne commence pas à la première ligne du fichier : il serait affiché comme du texte.",
               "supprimez les lignes vides (ou les espaces) avant la première ligne « --- »."),
        "en": ("the '---' front matter does not start on the first line: it would be shown as text.",
               "remove the blank lines (or spaces) before the first '---' line."),
    },
    "front_matter_no_opening": {
        "fr": ("l'en-tête n'est pas ouvert par une ligne « --- » : « {input} » serait affiché comme un titre.",
               "ajoutez une ligne « --- » tout en haut du fichier, avant « {input} »."),
        "en": ("the front matter has no opening '---' line: '{input}' would be shown as a heading.",
               "add a '---' line at the very top of the file, before '{input}'."),
    },
    "not_mapping": {
        "fr": ("le fichier doit contenir des « clé: valeur ».",
               "comparez avec un fichier voisin qui fonctionne."),
        "en": ("the file must hold 'key: value' pairs.", "compare with a neighbouring file that works."),
    },
    # --- validation (pydantic type codes) ---------------------------------
    "missing": {
        "fr": ("la clé « {key} » manque.", "ajoutez « {key}: … »."),
        "en": ("'{key}' is missing.", "add '{key}: …'."),
    },
    "extra_forbidden": {
        "fr": ("clé inconnue « {key} ».", "corrigez l'orthographe ou supprimez la ligne ; clés permises : {allowed}."),
        "en": ("unknown key '{key}'.", "fix the spelling or remove the line; allowed keys: {allowed}."),
    },
    "renamed_key": {
        "fr": ("la clé « {key} » a été renommée « {new} ».",
               "écrivez « {new} » à la place de « {key} » (voyez le guide pour ce qu'elle veut dire)."),
        "en": ("the key '{key}' was renamed '{new}'.",
               "write '{new}' instead of '{key}' (see the guide for what it means)."),
    },
    "string_type": {
        "fr": ("un texte est attendu ici, pas « {input} ».", "écrivez du texte, entre guillemets si besoin."),
        "en": ("text expected here, not '{input}'.", "write text, quoted if needed."),
    },
    "int_type": {
        "fr": ("un nombre entier est attendu, pas « {input} ».", "uniquement des chiffres, par ex. 25."),
        "en": ("a whole number is expected, not '{input}'.", "digits only, e.g. 25."),
    },
    "date_type": {
        "fr": ("une date est attendue, pas « {input} ».", "écrivez la date au format AAAA-MM-JJ, par ex. 2024-03-15."),
        "en": ("a date is expected, not '{input}'.", "write the date as YYYY-MM-DD, e.g. 2024-03-15."),
    },
    "impossible_date": {
        "fr": ("la date « {input} » n'existe pas.", "vérifiez le jour et le mois (AAAA-MM-JJ), par ex. 2024-02-29."),
        "en": ("the date '{input}' does not exist.", "check the day and the month (YYYY-MM-DD), e.g. 2024-02-29."),
    },
    "list_type": {
        "fr": ("une liste est attendue ici.", "écrivez une liste : [a, b] ou une ligne « - a » par élément."),
        "en": ("a list is expected here.", "write a list: [a, b] or one '- a' line per item."),
    },
    "dict_type": {
        "fr": ("des « clé: valeur » sont attendues ici.", "comparez avec un fichier voisin qui fonctionne."),
        "en": ("'key: value' pairs are expected here.", "compare with a neighbouring file that works."),
    },
    "bool_type": {
        "fr": ("« true » ou « false » est attendu, pas « {input} ».", "écrivez true ou false."),
        "en": ("'true' or 'false' is expected, not '{input}'.", "write true or false."),
    },
    "literal_error": {
        "fr": ("valeur « {input} » non permise.", "choisissez parmi : {expected}."),
        "en": ("value '{input}' is not allowed.", "choose one of: {expected}."),
    },
    "invalid": {
        "fr": ("valeur invalide : {detail}.", "comparez avec un fichier voisin qui fonctionne."),
        "en": ("invalid value: {detail}.", "compare with a neighbouring file that works."),
    },
    # --- territories ------------------------------------------------------
    "missing_translation": {
        "fr": ("le texte néerlandais manque pour « {key} ».", "ajoutez « nl: … » sous « {key} »."),
        "en": ("the Dutch text of '{key}' is missing.", "add 'nl: …' under '{key}'."),
    },
    "missing_french": {
        "fr": ("le texte français manque pour « {key} ».", "ajoutez « fr: … » sous « {key} »."),
        "en": ("the French text of '{key}' is missing.", "add 'fr: …' under '{key}'."),
    },
    "unknown_commune": {
        "fr": ("commune inconnue « {input} ».",
               "utilisez l'identifiant d'une des 19 communes de sites/communes.yml{suggestion}."),
        "en": ("unknown commune '{input}'.",
               "use the id of one of the 19 communes in sites/communes.yml{suggestion}."),
    },
    "commune_needs_part": {
        "fr": ("« {input} » est partagée entre plusieurs bassins.",
               "nommez la partie, par ex. « {example} »."),
        "en": ("'{input}' is split between several bassins.", "name the part, e.g. '{example}'."),
    },
    "commune_twice": {
        "fr": ("« {input} » est déjà dans le territoire « {other} ».",
               "une commune (ou une partie de Bruxelles-Ville) appartient à un seul bassin : retirez-la d'un des deux fichiers."),
        "en": ("'{input}' already belongs to '{other}'.",
               "a commune (or part of Bruxelles-Ville) belongs to one bassin only: remove it from one file."),
    },
    "commune_orphan": {
        "fr": ("la commune « {input} » n'appartient à aucun bassin.",
               "ajoutez-la à la liste « communes » d'un fichier sites/<bassin>.yml."),
        "en": ("commune '{input}' belongs to no bassin.", "add it to the 'communes' of one sites/<bassin>.yml."),
    },
    "bad_colour": {
        "fr": ("couleur « {input} » invalide.", "écrivez une couleur hexadécimale, par ex. \"#1f5f8b\" (entre guillemets)."),
        "en": ("invalid colour '{input}'.", "write a hex colour, e.g. \"#1f5f8b\" (quoted)."),
    },
    "low_contrast": {
        "fr": ("la couleur « {input} » est trop claire : contraste de {ratio}:1 avec le texte blanc (minimum 4.5:1, WCAG AA).",
               "choisissez une teinte plus foncée."),
        "en": ("colour '{input}' is too light: {ratio}:1 contrast with white text (at least 4.5:1, WCAG AA).",
               "choose a darker shade."),
    },
    "bad_url": {
        "fr": ("adresse web invalide « {input} ».", "écrivez une adresse complète qui finit par /, par ex. https://www.bassin-sud.brussels/"),
        "en": ("invalid web address '{input}'.", "write a full address ending with /, e.g. https://www.bassin-sud.brussels/"),
    },
    "bad_phone": {
        "fr": ("numéro de téléphone « {input} » invalide.", "écrivez un numéro belge, par ex. +32 2 123 45 67 ou 02 123 45 67."),
        "en": ("invalid phone number '{input}'.", "write a Belgian number, e.g. +32 2 123 45 67 or 02 123 45 67."),
    },
    "bad_email": {
        "fr": ("adresse e-mail « {input} » invalide.", "écrivez une adresse du type nom@domaine.be."),
        "en": ("invalid e-mail address '{input}'.", "write an address such as name@domain.be."),
    },
    "territory_missing": {
        "fr": ("le territoire « {input} » n'a pas de fichier de configuration.", "créez sites/{input}.yml (copiez un fichier voisin)."),
        "en": ("territory '{input}' has no configuration file.", "create sites/{input}.yml (copy a neighbouring file)."),
    },
    "unknown_territory_file": {
        "fr": ("« {input} » n'est pas un des six territoires ({allowed}).", "renommez le fichier ou supprimez-le."),
        "en": ("'{input}' is not one of the six territories ({allowed}).", "rename or delete the file."),
    },
    # --- content ----------------------------------------------------------
    "no_language_suffix": {
        "fr": ("le nom du fichier n'indique pas la langue.", "renommez-le en « {stem}.fr.md » (ou « .nl.md »)."),
        "en": ("the file name does not give the language.", "rename it '{stem}.fr.md' (or '.nl.md')."),
    },
    "unknown_language": {
        "fr": ("langue « {input} » inconnue dans le nom du fichier.", "les langues sont « fr » et « nl » : « page.fr.md », « page.nl.md »."),
        "en": ("unknown language '{input}' in the file name.", "languages are 'fr' and 'nl': 'page.fr.md', 'page.nl.md'."),
    },
    "no_french": {
        "fr": ("la page n'existe qu'en néerlandais.", "ajoutez la version française « {stem}.fr.md » : le français est la langue de référence."),
        "en": ("the page exists only in Dutch.", "add the French version '{stem}.fr.md': French is the reference language."),
    },
    "not_translated": {
        "fr": ("pas de traduction néerlandaise (publiée en français avec un avis en néerlandais).",
               "ajoutez « {stem}.nl.md » à côté de « {stem}.fr.md »."),
        "en": ("no Dutch translation (published in French with a notice in Dutch).",
               "add '{stem}.nl.md' next to '{stem}.fr.md'."),
    },
    "item_dutch_only": {
        "fr": ("pas de version française (publié en néerlandais sur le site français, avec un avis en français).",
               "ajoutez « {stem}.fr.md » à côté de « {stem}.nl.md » quand le texte est traduit."),
        "en": ("no French version (published in Dutch on the French site, with a notice in French).",
               "add '{stem}.fr.md' next to '{stem}.nl.md' once the text is translated."),
    },
    # --- build.py import-wordpress: the export files ---------------------------
    "wxr_not_wxr": {
        "fr": ("ce fichier n'est pas un export WordPress (WXR) : « {input} » au lieu d'un flux <rss> avec les champs wp:.",
               "dans WordPress : Outils → Exporter → Tous les contenus, et donnez le fichier .xml obtenu."),
        "en": ("this file is no WordPress export (WXR): '{input}' instead of an <rss> feed with wp: fields.",
               "in WordPress: Tools → Export → All content, and give the .xml file it writes."),
    },
    "wxr_broken": {
        "fr": ("XML mal formé ({detail}) : le fichier est coupé ou abîmé.",
               "exportez-le à nouveau depuis WordPress ; ne l'ouvrez pas dans un traitement de texte."),
        "en": ("malformed XML ({detail}): the file is cut short or damaged.",
               "export it again from WordPress; do not open it in a word processor."),
    },
    "wxr_entities": {
        "fr": ("le fichier déclare un DTD ou des entités XML ({input}) : refusé sans être lu.",
               "un export de WordPress n'en contient jamais : exportez-le à nouveau depuis WordPress."),
        "en": ("the file declares a DTD or XML entities ({input}): refused without being read.",
               "a WordPress export never holds any: export it again from WordPress."),
    },
    "wxr_unreadable": {
        "fr": ("le fichier ne peut pas être lu ({detail}).", "vérifiez le chemin et les droits du fichier."),
        "en": ("the file cannot be read ({detail}).", "check the file's path and permissions."),
    },
    "wxr_csv_columns": {
        "fr": ("la table des traductions n'a pas les colonnes {input} (il faut {expected}).",
               "écrivez-la avec la requête SQL du guide de rédaction (chapitre « Reprendre les anciens sites »)."),
        "en": ("the translation table lacks the columns {input} ({expected} are needed).",
               "write it with the SQL query of the editors' guide (chapter « Reprendre les anciens sites »)."),
    },
    "wxr_csv_row": {
        "fr": ("ligne ignorée : element_id n'est pas un nombre ou trid est vide.",
               "vérifiez cette ligne de la table des traductions."),
        "en": ("line ignored: element_id is not a number or trid is empty.", "check this line of the translation table."),
    },
    # --- build.py import-wordpress: what the report lists for the team --------------
    "wxr_skipped": {
        "fr": ("non importé : statut « {detail} » (seuls les contenus publiés le sont).",
               "publiez-le dans WordPress et relancez l'import, ou laissez-le de côté."),
        "en": ("not imported: status '{detail}' (only published items are).",
               "publish it in WordPress and run the import again, or leave it aside."),
    },
    "wxr_event_no_date": {
        "fr": ("non importé : l'événement n'a pas de date de début lisible (« {detail} »).",
               "corrigez la date dans WordPress et relancez l'import, ou créez l'événement avec build.py new evenement."),
        "en": ("not imported: the event has no readable start date ('{detail}').",
               "fix the date in WordPress and run the import again, or create the event with build.py new evenement."),
    },
    "wxr_no_language": {
        "fr": ("non importé : sa langue n'est pas connue (ni par la table des traductions, ni par le <language> du fichier).",
               "donnez --translations, ou exportez chaque langue à part."),
        "en": ("not imported: its language is unknown (neither from the translation table nor from the file's <language>).",
               "give --translations, or export each language apart."),
    },
    "wxr_same_language": {
        "fr": ("deux contenus de la même langue pour une traduction : celui-ci est laissé de côté (l'autre est le #{detail}).",
               "vérifiez la table des traductions de WPML."),
        "en": ("two items of one language for one translation: this one is left aside (the other is #{detail}).",
               "check WPML's translation table."),
    },
    "wxr_script": {
        "fr": ("un script ({detail}) a été retiré du texte.", "si la page en a besoin, remplacez-le par un lien."),
        "en": ("a script ({detail}) was removed from the text.", "if the page needs it, replace it with a link."),
    },
    "wxr_style": {
        "fr": ("une balise de style ({detail}) a été retirée du texte.", "vérifiez la mise en page du texte."),
        "en": ("a style tag ({detail}) was removed from the text.", "check the text's layout."),
    },
    "wxr_form": {
        "fr": ("un formulaire ({detail}) a été retiré du texte.",
               "remplacez-le par une adresse e-mail ou un lien vers le formulaire."),
        "en": ("a form ({detail}) was removed from the text.", "replace it with an e-mail address or a link to the form."),
    },
    "wxr_iframe": {
        "fr": ("un cadre intégré ({detail}) est devenu un simple lien.", "vérifiez que le lien suffit au lecteur."),
        "en": ("an inline frame ({detail}) became a plain link.", "check that the link is enough for readers."),
    },
    "wxr_embed": {
        "fr": ("une vidéo ou un contenu intégré ({detail}) est devenu un lien.", "vérifiez le texte du lien."),
        "en": ("an embedded video or content ({detail}) became a link.", "check the link's text."),
    },
    "wxr_shortcode": {
        "fr": ("un code court de WordPress ({detail}) a été retiré du texte.",
               "remplacez ce qu'il affichait (formulaire, galerie…) par du texte ou un lien."),
        "en": ("a WordPress shortcode ({detail}) was removed from the text.",
               "replace what it showed (form, gallery…) with text or a link."),
    },
    "wxr_missing_upload": {
        "fr": ("fichier absent du dossier des médias : {detail}.",
               "copiez wp-content/uploads du serveur et donnez-le avec --uploads, ou retirez le lien."),
        "en": ("file missing from the uploads folder: {detail}.",
               "copy wp-content/uploads from the server and give it with --uploads, or remove the link."),
    },
    "wxr_image_no_alt": {
        "fr": ("image sans texte alternatif, non reprise : {detail}.",
               "ajoutez l'image à côté du texte avec son texte alternatif (image_alt, ou ![texte](image.jpg))."),
        "en": ("image without alternative text, not carried over: {detail}.",
               "add the image beside the text with its alternative text (image_alt, or ![text](image.jpg))."),
    },
    "wxr_link_to_draft": {
        "fr": ("lien vers une page reprise en brouillon, gardé comme texte : {detail}.",
               "remettez le lien quand la page est placée."),
        "en": ("link to a page imported as a draft, kept as text: {detail}.", "put the link back once the page is placed."),
    },
    "wxr_link_unresolved": {
        "fr": ("lien vers une adresse de l'ancien site que les nouveaux sites n'ont pas, gardé comme texte : {detail}.",
               "remettez un lien vers la page qui reprend ce contenu, ou laissez le texte."),
        "en": ("link to an address of the old site the new sites do not have, kept as text: {detail}.",
               "link again to the page that now holds that content, or leave the text."),
    },
    "wxr_edited_kept": {
        "fr": ("le fichier a été modifié depuis l'import : il est gardé tel quel.",
               "relancez avec --force pour le remplacer par la version de WordPress."),
        "en": ("the file was changed since the import: it is kept as it is.",
               "run again with --force to replace it with WordPress's version."),
    },
    "wxr_page_draft": {
        "fr": ("page reprise en brouillon.", "placez-la dans le site (dossier, menu), puis retirez « draft: true »."),
        "en": ("page imported as a draft.", "place it in the site (folder, menu), then remove 'draft: true'."),
    },
    "wxr_no_summary": {
        "fr": ("pas de résumé (ni d'extrait dans WordPress) : repris en brouillon.",
               "écrivez le résumé (summary) et retirez « draft: true » ; relancez l'import pour sa redirection."),
        "en": ("no summary (nor excerpt in WordPress): imported as a draft.",
               "write the summary and remove 'draft: true'; run the import again for its redirect."),
    },
    "wxr_not_https": {
        "fr": ("lien d'inscription non sécurisé, non repris : {detail}.", "ajoutez registration: avec une adresse https://."),
        "en": ("registration link not secure, not carried over: {detail}.", "add registration: with an https:// address."),
    },
    "wxr_unknown_commune": {
        "fr": ("lieu sans commune reconnue ({detail}) : l'adresse n'est pas reprise.",
               "ajoutez address: {{street: …, postcode: …, commune: …}} (identifiant de sites/communes.yml)."),
        "en": ("place without a known commune ({detail}): the address is not carried over.",
               "add address: {{street: …, postcode: …, commune: …}} (an id of sites/communes.yml)."),
    },
    "wxr_link_not_ours": {
        "fr": ("l'ancienne adresse {detail} n'est pas sur un domaine des sites : pas de redirection.",
               "si elle circule encore, ajoutez-la à la main à sites/anciennes-adresses.yml."),
        "en": ("the old address {detail} is not on one of the sites' domains: no redirect.",
               "if it still circulates, add it by hand to sites/anciennes-adresses.yml."),
    },
    "wxr_redirect_elsewhere": {
        "fr": ("l'ancienne adresse mène déjà à {detail} : laissée telle quelle.",
               "choisissez dans sites/anciennes-adresses.yml la page où elle doit mener."),
        "en": ("the old address already leads to {detail}: left as it is.",
               "choose in sites/anciennes-adresses.yml the page it should lead to."),
    },
    "template_error": {
        "fr": ("variable ou balise incorrecte : {detail}.",
               "les variables permises sont {{{{ territory.name }}}}, {{{{ territory.communes }}}}, … (voir le guide de rédaction)."),
        "en": ("wrong variable or tag: {detail}.",
               "allowed variables are {{{{ territory.name }}}}, {{{{ territory.communes }}}}, … (see the editors' guide)."),
    },
    "title_missing": {
        "fr": ("la page n'a pas de titre.", "ajoutez « title: … » dans l'en-tête, ou un titre « # … » en première ligne."),
        "en": ("the page has no title.", "add 'title: …' to the front matter, or a '# …' heading on the first line."),
    },
    "draft": {
        "fr": ("brouillon (draft: true) : non publié.", "retirez « draft: true » quand le texte est prêt."),
        "en": ("draft (draft: true): not published.", "remove 'draft: true' when the text is ready."),
    },
    # --- Focus --------------------------------------------------------------
    "focus_no_meta": {
        "fr": ("le dossier Focus « {slug} » n'a pas de focus.yml.",
               "créez-le avec « python build.py new focus {slug} » ou copiez celui d'un autre Focus."),
        "en": ("Focus folder '{slug}' has no focus.yml.",
               "create it with 'python build.py new focus {slug}' or copy another Focus's."),
    },
    "focus_no_french": {
        "fr": ("le Focus « {slug} » n'a pas de texte français (index.fr.md).",
               "ajoutez index.fr.md : le français est la langue de référence."),
        "en": ("Focus '{slug}' has no French text (index.fr.md).", "add index.fr.md: French is the reference language."),
    },
    "cover_unquoted": {
        "fr": ("la couleur de couverture est vide : sans guillemets, « # » commence un commentaire en YAML.",
               "écrivez-la entre guillemets, par ex. cover: \"#1b4f8a\"."),
        "en": ("the cover colour is empty: unquoted, '#' starts a YAML comment.",
               "quote it, e.g. cover: \"#1b4f8a\"."),
    },
    "unknown_directory": {
        "fr": ("répertoire inconnu « {input} ».", "utilisez le nom d'un fichier de directories/ : {allowed}."),
        "en": ("unknown directory '{input}'.", "use the name of a file in directories/: {allowed}."),
    },
    "directory_none": {
        "fr": ("répertoire inconnu « {input} » : le dossier directories/ n'a encore aucun répertoire.",
               "créez directories/{input}.yml (son format : « Les répertoires » dans le guide de rédaction), "
               "ou retirez « {input} » de la liste « directories » de focus.yml."),
        "en": ("unknown directory '{input}': the folder directories/ holds no directory yet.",
               "create directories/{input}.yml (its format: the editors' guide, on directories), "
               "or remove '{input}' from the 'directories' list of focus.yml."),
    },
    "missing_image": {
        "fr": ("l'image « {input} » n'existe pas.", "placez le fichier à côté du texte, ou corrigez son nom (majuscules comprises)."),
        "en": ("image '{input}' does not exist.", "put the file next to the text, or fix its name (case matters)."),
    },
    "file_name_clash": {
        "fr": ("« {input} » a le nom d'un autre fichier publié dans le même dossier du site ({other}) : "
               "celui-ci le remplacerait.",
               "renommez l'un des deux fichiers et les liens vers lui, par ex. {other} → {rename}."),
        "en": ("'{input}' has the name of another file published in the same folder of the site ({other}): "
               "that one would replace it.",
               "rename one of the two files and the links to it, e.g. {other} → {rename}."),
    },
    "pdf_failed": {
        "fr": ("le PDF n'a pas pu être produit : {detail}.", "vérifiez les images et liens du texte."),
        "en": ("the PDF could not be made: {detail}.", "check the images and links of the text."),
    },
    # --- directories --------------------------------------------------------
    "bad_slug": {
        "fr": ("le nom « {input} » n'est pas un identifiant valable.",
               "renommez en minuscules, chiffres et tirets, sans accent ni espace (par ex. sante-mentale)."),
        "en": ("the name '{input}' is not a valid id.", "rename it with lower-case letters, digits and hyphens (e.g. mental-health)."),
    },
    "duplicate_id": {
        "fr": ("l'identifiant « {input} » est déjà utilisé par entries[{other}] du fichier.",
               "donnez à chaque entrée un « id » unique (il sert d'adresse stable)."),
        "en": ("id '{input}' is already used by entries[{other}] of the file.",
               "give each entry a unique 'id' (it is a stable address)."),
    },
    "address_not_ours": {
        "fr": ("« {input} » n'est pas une adresse des sites ({allowed}).",
               "seules les adresses de ces domaines (avec ou sans www.) arrivent sur ce serveur : écrivez l'adresse "
               "complète, avec https://."),
        "en": ("'{input}' is not an address of the sites ({allowed}).",
               "only addresses of these domains (with or without www.) reach this server: write the whole address, "
               "with https://."),
    },
    "address_twice": {
        "fr": ("l'ancienne adresse « {input} » est déjà indiquée ligne {other}.",
               "gardez une seule ligne : avec ou sans www., avec ou sans / final, c'est la même adresse."),
        "en": ("the old address '{input}' is already given on line {other}.",
               "keep one line: with or without www., with or without the final slash, it is the same address."),
    },
    "address_no_page": {
        "fr": ("« {input} » ne mène à aucune page des sites.",
               "copiez, depuis le site, l'adresse de la page qui reprend ce contenu, ou de la liste la plus proche "
               "(actualités, synthèses)."),
        "en": ("'{input}' leads to no page of the sites.",
               "copy, from the site, the address of the page that holds this content, or of the closest list "
               "(news, syntheses)."),
    },
    "address_chain": {
        "fr": ("« {input} » est elle-même une ancienne adresse (ligne {other}) : le visiteur serait renvoyé deux fois.",
               "indiquez directement la destination finale : {expected}"),
        "en": ("'{input}' is itself an old address (line {other}): visitors would be redirected twice.",
               "give the final destination directly: {expected}"),
    },
    "address_loop": {
        "fr": ("« {input} » renvoie à l'ancienne adresse de la ligne {other}, qui revient ici : une boucle sans page.",
               "faites mener chacune de ces adresses à une page du site."),
        "en": ("'{input}' leads to the old address on line {other}, which leads back here: a loop with no page.",
               "make each of these addresses lead to a page of the site."),
    },
    "newsletter_name": {
        "fr": ("le nom « {input} » ne suit pas le modèle AAAA-MM.fr.md (ou .nl.md).",
               "renommez le fichier d'après le mois de l'édition, par ex. 2026-12.fr.md."),
        "en": ("the name '{input}' does not follow YYYY-MM.fr.md (or .nl.md).",
               "rename the file after the edition's month, e.g. 2026-12.fr.md."),
    },
    "newsletter_no_dutch": {
        "fr": ("l'édition {month} de la newsletter n'a pas de fichier néerlandais : l'édition néerlandaise "
               "paraîtra sans éditorial.",
               "ajoutez « {month}.nl.md » à côté du fichier français, avec l'éditorial traduit."),
        "en": ("the {month} edition of the newsletter has no Dutch file: the Dutch edition will have no editorial.",
               "add '{month}.nl.md' beside the French file, with the editorial translated."),
    },
    "newsletter_empty": {
        "fr": ("l'édition {month} de la newsletter n'a rien à envoyer : aucune actualité ni synthèse ce mois-là, "
               "aucun événement dans les semaines qui suivent.",
               "publiez d'abord ce que l'édition doit annoncer, ou supprimez le fichier de l'édition."),
        "en": ("the {month} edition of the newsletter has nothing to send: no news or synthesis that month, no "
               "event in the weeks after.",
               "publish first what the edition is to announce, or remove the edition's file."),
    },
    "newsletter_nothing": {
        "fr": ("rien à envoyer pour {month} : aucune actualité ni synthèse ce mois-là, aucun événement dans les "
               "semaines qui suivent.",
               "vérifiez le mois (--month AAAA-MM) et le territoire (--site)."),
        "en": ("nothing to send for {month}: no news or synthesis that month, no event in the weeks after.",
               "check the month (--month YYYY-MM) and the territory (--site)."),
    },
    "entries_never_verified": {
        "fr": ("{count} entrée(s) de répertoire sur {total} n'ont jamais été vérifiées auprès du service.",
               "quand vous avez vérifié une entrée (coordonnées, horaires, public) avec le service, ajoutez-lui "
               "« verified: AAAA-MM-JJ », la date de votre vérification."),
        "en": ("{count} of {total} directory entr(y/ies) never checked with the service.",
               "when you have checked an entry (contact details, hours, audience) with the service, add "
               "'verified: YYYY-MM-DD' to it, the day you checked."),
    },
    "entries_not_translated": {
        "fr": ("{count} entrée(s) sans texte néerlandais ({ids}) : le français est affiché sur le site néerlandais.",
               "ajoutez « nl: … » aux noms, descriptions et horaires de ces entrées."),
        "en": ("{count} entr(y/ies) without Dutch text ({ids}): French is shown on the Dutch site.",
               "add 'nl: …' to the names, descriptions and hours of these entries."),
    },
    "phone_unquoted": {
        "fr": ("le numéro de téléphone est écrit sans guillemets : YAML le lit comme un nombre ({input}).",
               "mettez-le entre guillemets, par ex. phone: \"02 123 45 67\"."),
        "en": ("the phone number is not quoted: YAML reads it as a number ({input}).",
               "quote it, e.g. phone: \"02 123 45 67\"."),
    },
    "postcode_mismatch": {
        "fr": ("le code postal « {input} » n'est pas un code de {commune}.",
               "corrigez le code postal ou la commune ; codes de {commune} : {allowed}."),
        "en": ("postcode '{input}' is not one of {commune}.", "fix the postcode or the commune; {commune}'s codes: {allowed}."),
    },
    "bassin_required": {
        "fr": ("{input} est partagée entre plusieurs bassins : l'entrée doit dire le sien.",
               "ajoutez « bassin: … » à l'entrée, l'un de : {allowed}."),
        "en": ("{input} is split between bassins: the entry must name its own.",
               "add 'bassin: …' to the entry, one of: {allowed}."),
    },
    "unknown_bassin": {
        "fr": ("bassin inconnu « {input} ».", "choisissez parmi : {allowed}."),
        "en": ("unknown bassin '{input}'.", "choose one of: {allowed}."),
    },
    "bassin_mismatch": {
        "fr": ("« bassin: {input} » contredit la commune : {commune} est dans le bassin {expected}.",
               "supprimez la ligne « bassin » (il se déduit de la commune) ou corrigez la commune."),
        "en": ("'bassin: {input}' contradicts the commune: {commune} is in bassin {expected}.",
               "remove the 'bassin' line (it follows from the commune) or fix the commune."),
    },
    "serves_missing": {
        "fr": ("l'entrée n'a ni adresse ni « serves » : on ne sait pas quel territoire elle dessert.",
               "ajoutez « serves: region » (toute la Région) ou « serves: [nord, sud] », ou une adresse."),
        "en": ("the entry has neither address nor 'serves': its territory is unknown.",
               "add 'serves: region' (the whole Region) or 'serves: [nord, sud]', or an address."),
    },
    "bad_serves": {
        "fr": ("« serves » ne connaît pas « {input} ».",
               "écrivez « region » ou une liste de bassins parmi : {allowed}{suggestion}."),
        "en": ("'serves' does not know '{input}'.", "write 'region' or a list of bassins among: {allowed}{suggestion}."),
    },
    "bad_website": {
        "fr": ("adresse web invalide « {input} ».", "écrivez l'adresse complète, avec https://, par ex. https://www.exemple.be/"),
        "en": ("invalid web address '{input}'.", "write the full address with https://, e.g. https://www.example.be/"),
    },
    "bad_language_code": {
        "fr": ("code de langue « {input} » invalide.", "utilisez les codes ISO en minuscules : fr, nl, en, ar, tr…"),
        "en": ("invalid language code '{input}'.", "use lower-case ISO codes: fr, nl, en, ar, tr…"),
    },
    "unknown_category": {
        "fr": ("catégorie inconnue « {input} »{suggestion}.",
               "utilisez une des catégories déclarées en haut du fichier ({allowed}), ou déclarez-la sous « categories: »."),
        "en": ("unknown category '{input}'{suggestion}.",
               "use one of the categories declared at the top of the file ({allowed}), or declare it under 'categories:'."),
    },
    "category_undeclared": {
        "fr": ("catégorie « {input} » non déclarée : le fichier ne déclare aucune catégorie.",
               "déclarez-la en haut du fichier : une ligne « categories: », puis en dessous, en retrait, "
               "« {input}: {{fr: …, nl: …}} » (son titre en français et en néerlandais)."),
        "en": ("category '{input}' is not declared: the file declares no categories.",
               "declare it at the top of the file: a 'categories:' line, then below it, indented, "
               "'{input}: {{fr: …, nl: …}}' (its title in French and in Dutch)."),
    },
    # --- syntheses -----------------------------------------------------------
    "synthesis_name": {
        "fr": ("le nom « {input} » ne suit pas le modèle AAAA-MM-JJ-sujet.fr.md.",
               "renommez le fichier, par ex. 2024-03-14-concertation-sante-mentale.fr.md (date réelle de la rencontre ; "
               "2024-03-concertation-sante-mentale.fr.md si la source ne donne que le mois)."),
        "en": ("the name '{input}' does not follow YYYY-MM-DD-subject.fr.md.",
               "rename the file, e.g. 2024-03-14-mental-health.fr.md (the meeting's real date; "
               "2024-03-mental-health.fr.md when the source gives the month only)."),
    },
    "synthesis_date": {
        "fr": ("la date {input} ne correspond pas à celle du nom du fichier ({expected}).",
               "corrigez la date de l'en-tête ou renommez le fichier : les deux doivent être la date de la rencontre, "
               "au jour près (2024-03-14) ou au mois près (2024-03)."),
        "en": ("date {input} differs from the file name's ({expected}).",
               "fix the date or rename the file: both must be the meeting's date, to the day (2024-03-14) or to "
               "the month (2024-03)."),
    },
    "synthesis_mismatch": {
        "fr": ("le type, le thème ou le nombre de participant·es diffère de la version française ({other}).",
               "recopiez kind, theme et participants de la version française."),
        "en": ("kind, theme or participants differ from the French version ({other}).",
               "copy kind, theme and participants from the French version."),
    },
    "synthesis_too_long": {
        "fr": ("la synthèse dépasse une page A4 de {overflow} mm (environ {lines} ligne(s)), même sur deux colonnes.",
               "raccourcissez le texte d'environ {lines} ligne(s) : une synthèse tient sur une seule page."),
        "en": ("the synthesis runs {overflow} mm (about {lines} line(s)) past one A4 page, even in two columns.",
               "shorten the text by about {lines} line(s): a synthesis fits on one page."),
    },
    # --- news, partners' notices and events (load/news.py, load/events.py) ------
    "item_name": {
        "fr": ("le nom « {input} » ne suit pas le modèle AAAA-MM-JJ-sujet.fr.md.",
               "renommez le fichier, par ex. 2023-01-19-forum-ouvert.fr.md : la date de publication (actualité, "
               "avis) ou du début (événement), puis quelques mots en minuscules séparés par des tirets."),
        "en": ("the name '{input}' does not follow YYYY-MM-DD-subject.fr.md.",
               "rename the file, e.g. 2023-01-19-forum-ouvert.fr.md: the date of publication (news, notice) or "
               "of the start (event), then a few lowercase words separated by hyphens."),
    },
    "item_date": {
        "fr": ("la date {input} ne correspond pas à celle du nom du fichier ({expected}).",
               "corrigez la date de l'en-tête ou renommez le fichier : les deux doivent être le même jour."),
        "en": ("date {input} differs from the file name's ({expected}).",
               "correct the header's date or rename the file: both must be the same day."),
    },
    "item_mismatch": {
        "fr": ("{input} diffère de la version française ({other}).",
               "recopiez ces champs de la version française : seuls les textes (titre, résumé, texte alternatif, "
               "public, prix, lieu) changent d'une langue à l'autre."),
        "en": ("{input} differs from the French version ({other}).",
               "copy these fields from the French version: only the texts (title, summary, alternative text, "
               "audience, price, venue) change from one language to the other."),
    },
    "item_image_no_alt": {
        "fr": ("l'image « {input} » n'a pas de texte alternatif dans ce fichier.",
               "ajoutez « image_alt: … » sous « image: » : une phrase qui dit ce que montre l'image, dans la langue "
               "du fichier (c'est ce que lisent les lecteurs d'écran)."),
        "en": ("the image '{input}' has no alternative text in this file.",
               "add 'image_alt: …' below 'image:': a sentence saying what the image shows, in the file's "
               "language (screen readers read it)."),
    },
    "not_https": {
        "fr": ("le lien « {input} » n'est pas une adresse https://.",
               "écrivez l'adresse complète et sûre, commençant par https://, par ex. https://www.exemple.be/inscription"),
        "en": ("the link '{input}' is not an https:// address.",
               "write the full, secure address starting with https://, e.g. https://www.example.be/register"),
    },
    "notice_until_too_far": {
        "fr": ("l'avis resterait affiché jusqu'au {input} : plus d'un an après sa publication.",
               "mettez dans « until » un jour jusqu'au {limit} au plus ; republiez l'avis plus tard s'il le faut."),
        "en": ("the notice would stay listed until {input}: more than a year after it is published.",
               "set 'until' to {limit} at the latest; publish the notice again later if needed."),
    },
    "notice_until_before_date": {
        "fr": ("l'avis quitte les listes le {input}, avant sa publication ({expected}).",
               "mettez dans « until » le dernier jour où l'avis doit être affiché, après « date »."),
        "en": ("the notice leaves the lists on {input}, before it is published ({expected}).",
               "set 'until' to the last day the notice is to be shown, after 'date'."),
    },
    "event_end_before_start": {
        "fr": ("l'événement finit ({input}) avant de commencer ({expected}).",
               "corrigez « end » ou « start » : la fin vient après le début (même jour : « 2023-01-19 16:30 »)."),
        "en": ("the event ends ({input}) before it starts ({expected}).",
               "correct 'end' or 'start': the end comes after the start (same day: '2023-01-19 16:30')."),
    },
    "event_past_scheduled": {
        "fr": ("l'événement est passé (fini le {input}) et toujours annoncé comme prévu (status: scheduled).",
               "s'il a eu lieu, écrivez « status: held » ; sinon « cancelled » (annulé) ou « postponed » (reporté)."),
        "en": ("the event is over (ended {input}) and still announced as scheduled (status: scheduled).",
               "if it took place, write 'status: held'; otherwise 'cancelled' or 'postponed'."),
    },
    "time_without_date": {
        "fr": ("« {input} » est une heure sans date.",
               "écrivez le jour et l'heure entre guillemets, par ex. \"2023-01-19 09:30\" (heure de Bruxelles)."),
        "en": ("'{input}' is a time without a date.",
               "write the day and the time in quotes, e.g. \"2023-01-19 09:30\" (Brussels time)."),
    },
    "moment_format": {
        "fr": ("« {input} » n'est ni une date ni une date et une heure.",
               "écrivez AAAA-MM-JJ pour une journée entière, ou \"AAAA-MM-JJ HH:MM\" entre guillemets, "
               "par ex. \"2023-01-19 09:30\"."),
        "en": ("'{input}' is neither a date nor a date and a time.",
               "write YYYY-MM-DD for a whole day, or \"YYYY-MM-DD HH:MM\" in quotes, e.g. \"2023-01-19 09:30\"."),
    },
    "placeholder_left": {
        "fr": ("la valeur contient encore « … » du modèle.",
               "remplacez « … » par la vraie valeur, ou supprimez la ligne si le champ est facultatif."),
        "en": ("the value still holds the template's '…'.",
               "replace '…' with the real value, or delete the line if the field is optional."),
    },
    "impossible_time": {
        "fr": ("l'heure de « {input} » n'existe pas.", "vérifiez les heures (0 à 23) et les minutes (0 à 59), par ex. 09:30."),
        "en": ("the time in '{input}' does not exist.", "check the hours (0 to 23) and minutes (0 to 59), e.g. 09:30."),
    },
    # --- links, images and raw HTML in texts (links.py, lint.py) -------------
    "broken_link": {
        "fr": ("lien vers « {input} » : aucune page à cette adresse{sites}.",
               "corrigez le lien (le nom du fichier .md, relatif à cette page, par ex. ../helpdesk.md){suggestion}, "
               "ou créez la page."),
        "en": ("link to '{input}': no page at this address{sites}.",
               "fix the link (the .md file name, relative to this page, e.g. ../helpdesk.md){suggestion}, "
               "or create the page."),
    },
    "broken_anchor": {
        "fr": ("lien vers « {input} » : la page existe, mais pas la section « #{anchor} »{sites}.",
               "reprenez l'ancre d'un titre de la page visée{suggestion} : le titre en minuscules, sans accents, "
               "des tirets à la place des espaces."),
        "en": ("link to '{input}': the page exists, but not its section '#{anchor}'{sites}.",
               "use the anchor of a heading of that page{suggestion}: the heading in lower case, without accents, "
               "hyphens for spaces."),
    },
    "image_not_published": {
        "fr": ("l'image « {input} » est dans un autre dossier que le texte : elle ne serait pas publiée.",
               "placez l'image dans le dossier du texte et écrivez son seul nom, par ex. ![Description](schema.png)."),
        "en": ("image '{input}' is in another folder than the text: it would not be published.",
               "put the image in the text's folder and write its name only, e.g. ![Description](diagram.png)."),
    },
    "image_no_alt": {
        "fr": ("l'image « {input} » n'a pas de texte alternatif.",
               "décrivez l'image entre les crochets, par ex. ![Carte des cinq bassins]({input}) : "
               "c'est ce que lisent les lecteurs d'écran."),
        "en": ("image '{input}' has no alternative text.",
               "describe the image between the brackets, e.g. ![Map of the five bassins]({input}): "
               "screen readers read it aloud."),
    },
    "link_to_french": {
        "fr": ("le texte néerlandais renvoie à la page française « {input} », alors qu'elle existe en néerlandais.",
               "liez la version néerlandaise : {target}"),
        "en": ("the Dutch text links to the French page '{input}', which exists in Dutch.",
               "link the Dutch version: {target}"),
    },
    "html_tag_forbidden": {
        "fr": ("balise HTML <{input}> interdite dans un texte.",
               "retirez-la : une page ne peut ni exécuter de script ni intégrer un autre site "
               "(pour une vidéo ou une carte, mettez un lien)."),
        "en": ("HTML tag <{input}> is not allowed in a text.",
               "remove it: a page may neither run a script nor embed another site "
               "(for a video or a map, put a link)."),
    },
    "html_event_handler": {
        "fr": ("attribut « {input} » interdit : il exécuterait du code.", "retirez « {input}=… » de la balise."),
        "en": ("attribute '{input}' is not allowed: it would run code.", "remove '{input}=…' from the tag."),
    },
    "javascript_link": {
        "fr": ("lien « {input} » interdit : il exécuterait du code.",
               "liez une adresse web (https://…) ou une page (.md)."),
        "en": ("link '{input}' is not allowed: it would run code.", "link a web address (https://…) or a page (.md)."),
    },
    "snippet_outside_repo": {
        "fr": ("« --8<-- » inclut « {input} », hors du dépôt.",
               "supprimez la ligne : une page n'inclut jamais de fichier hors du dépôt ; copiez le texte voulu dans la page."),
        "en": ("'--8<--' includes '{input}', outside the repository.",
               "remove the line: a page never includes a file from outside the repository; copy the text into the page."),
    },
    "snippet_unsupported": {
        "fr": ("« --8<-- » (inclusion de « {input} ») n'est pas disponible : la ligne serait affichée telle quelle.",
               "supprimez la ligne et copiez le texte voulu dans la page."),
        "en": ("'--8<--' (including '{input}') is not available: the line would be shown as it is.",
               "remove the line and copy the text into the page."),
    },
    "include_not_allowed": {
        "fr": ("« {{% {tag} %}} » : une page ne peut pas inclure un autre fichier (« {input} »).",
               "supprimez la balise et copiez le texte voulu dans la page."),
        "en": ("'{{% {tag} %}}': a page cannot include another file ('{input}').",
               "remove the tag and copy the text into the page."),
    },
    "stray_dashes": {
        "fr": ("la ligne « --- » sous « {input} » en fait un titre.",
               "pour un trait de séparation, laissez une ligne vide avant « --- » ; "
               "une clé « {key}: … » va dans l'en-tête, en haut du fichier."),
        "en": ("the '---' line under '{input}' turns it into a heading.",
               "for a horizontal rule, leave a blank line before '---'; a '{key}: …' key belongs in the "
               "front matter, at the top of the file."),
    },
    "html_in_data": {
        "fr": ("du HTML (« {input} ») : il sera affiché tel quel, balises comprises.",
               "écrivez du texte simple, sans balises < >."),
        "en": ("HTML ('{input}'): it will be shown as it is, tags included.",
               "write plain text, without < > tags."),
    },
    # --- translations (translations.py) ---------------------------------------
    "translation_outdated": {
        "fr": ("traduction plus ancienne que le français : « {source} » a changé le {source_date}, "
               "cette traduction date du {date}.",
               "reportez dans ce fichier les changements de « {source} » (et mettez sa date « updated » à jour, "
               "s'il en a une)."),
        "en": ("translation older than the French: '{source}' changed on {source_date}, "
               "this translation dates from {date}.",
               "carry the changes of '{source}' over into this file (and update its 'updated' date, if it has one)."),
    },
    # --- the audience report (build.py audience) ---------------------------------------
    "log_unreadable": {
        "fr": ("journal illisible : {detail}.", "vérifiez le chemin du fichier et ses droits de lecture."),
        "en": ("the log cannot be read: {detail}.", "check the file's path and that it can be read."),
    },
    "log_other_format": {
        "fr": ("ce fichier n'est pas un journal au format « {name} » qu'écrit « build.py server-config » "
               "(ses premières lignes ne s'y lisent pas) : il est laissé de côté.",
               "donnez les journaux d'accès des sites (access_log … {name} dans la configuration nginx), "
               "pas le journal d'erreurs ni celui d'un autre serveur."),
        "en": ("this file is not a log in the '{name}' format that 'build.py server-config' writes "
               "(its first lines do not read as such): it is left out.",
               "give the sites' access logs (access_log … {name} in the nginx configuration), "
               "not the error log or another server's."),
    },
    "log_malformed": {
        "fr": ("ligne illisible, ignorée ({count} en tout dans les journaux lus).",
               "rien à faire si elles sont rares (une ligne coupée par une rotation) ; nombreuses, vérifiez "
               "que la configuration nginx est celle de « build.py server-config »."),
        "en": ("unreadable line, left out ({count} in all in the logs read).",
               "nothing to do when they are rare (a line cut by a rotation); when many, check that nginx's "
               "configuration is the one 'build.py server-config' writes."),
    },
    "log_truncated": {
        "fr": ("fichier compressé coupé à partir de la ligne {line} : la suite est ignorée.",
               "rien à faire pour un journal en cours de rotation ; sinon, recopiez le fichier."),
        "en": ("compressed file cut from line {line} on: the rest is left out.",
               "nothing to do for a log being rotated; otherwise copy the file again."),
    },
    "log_empty_period": {
        "fr": ("aucune visite comptée pour {period} : le rapport écrit le dit.",
               "vérifiez la période demandée (--month, --year) et les journaux donnés (--logs)."),
        "en": ("no visit counted for {period}: the report written says so.",
               "check the period asked (--month, --year) and the logs given (--logs)."),
    },
    "report_unreadable": {
        "fr": ("ce tableau d'un rapport d'audience ne se lit pas : {detail}.",
               "refaites le rapport de ce mois avec ses journaux, s'ils sont encore là, ou retirez ses fichiers."),
        "en": ("this table of an audience report cannot be read: {detail}.",
               "make that month's report again from its logs, if they are still there, or remove its files."),
    },
    "year_months_missing": {
        "fr": ("{year} : pas de rapport pour {months} ; l'année ne compte que les mois trouvés.",
               "faites le rapport de ces mois (--month, avec leurs journaux) dans ce dossier, s'ils sont encore là."),
        "en": ("{year}: no report for {months}; the year counts only the months found.",
               "make those months' reports (--month, with their logs) in this folder, if the logs are still there."),
    },
    "mkdocs_warning": {
        "fr": ("{detail}", "corrigez le lien ou la page indiquée."),
        "en": ("{detail}", "fix the link or page named."),
    },
}

# Optional parts of a message: the loader passes the data it found (a close name) or nothing;
# the part is worded here and left out of the message when the loader has nothing.
PARTS: dict[str, dict[str, str]] = {
    "suggestion": {"fr": " (vouliez-vous dire « {suggestion} » ?)", "en": " (did you mean '{suggestion}'?)"},
}

# Usage errors of the command line (UsageError): one line, after "build.py: ".
USAGE: dict[str, dict[str, str]] = {
    "unknown_command": {"fr": "commande inconnue « {input} ».", "en": "unknown command '{input}'."},
    "unknown_setting": {"fr": "{file} : réglage inconnu « {input} ».", "en": "{file}: unknown setting '{input}'."},
    "editor_missing": {"fr": "l'éditeur (Decap CMS) n'est pas installé dans {path} : lancez « npm ci --ignore-scripts » "
                             "(ou « make install »).",
                       "en": "the editor (Decap CMS) is not installed in {path}: run 'npm ci --ignore-scripts' "
                             "(or 'make install')."},
    "deploy_no_build": {"fr": "{path} ne contient pas une construction complète des six sites : lancez d'abord "
                              "« python build.py build ».",
                        "en": "{path} holds no whole build of the six sites: run 'python build.py build' first."},
    "deploy_no_editor": {"fr": "la construction n'a pas l'éditeur en ligne ({path}) : lancez « python build.py "
                               "build » (il l'écrit avec le site de la région), pas une construction partielle.",
                         "en": "the build has no web editor ({path}): run 'python build.py build' (it writes it "
                               "with the region's site), not a partial build."},
    "deploy_keep": {"fr": "--keep doit valoir au moins 2 (pour pouvoir revenir en arrière), pas {keep}.",
                    "en": "--keep must be at least 2 (to be able to roll back), not {keep}."},
    "rollback_none": {"fr": "{path} : aucune version précédente à remettre en ligne.",
                      "en": "{path}: no previous release to put back online."},
    "slug_invalid": {
        "fr": "« {input} » : utilisez des minuscules, chiffres et tirets (par ex. sante-mentale).",
        "en": "'{input}': use lower-case letters, digits and hyphens (e.g. sante-mentale).",
    },
    "focus_exists": {"fr": "le dossier focus/{slug}/ existe déjà.", "en": "the folder focus/{slug}/ already exists."},
    "file_exists": {"fr": "{path} existe déjà.", "en": "{path} already exists."},
    "not_a_date": {"fr": "« {input} » n'est pas une date AAAA-MM-JJ.", "en": "'{input}' is not a YYYY-MM-DD date."},
    "synthesis_needs_site_date": {
        "fr": "une synthèse demande --site <territoire> et --date AAAA-MM-JJ (ou AAAA-MM si seul le mois est connu).",
        "en": "a synthesis needs --site <territory> and --date YYYY-MM-DD (or YYYY-MM when only the month is known).",
    },
    "not_a_month": {"fr": "« {input} » n'est pas un mois AAAA-MM.", "en": "'{input}' is not a YYYY-MM month."},
    "logs_needed": {"fr": "aucun journal d'accès en {path}* (access_log de server.yml) : donnez-les avec --logs.",
                    "en": "no access log at {path}* (access_log in server.yml): give them with --logs."},
    "not_a_year": {"fr": "« {input} » n'est pas une année AAAA (--month AAAA-MM ou --year AAAA).",
                   "en": "'{input}' is not a YYYY year (--month YYYY-MM or --year YYYY)."},
    "item_needs_site_date": {  # build.py new actualite|evenement|avis
        "fr": "{kind} demande --site <territoire> et --date AAAA-MM-JJ.",
        "en": "{kind} needs --site <territory> and --date YYYY-MM-DD.",
    },
    "wxr_unknown_site": {"fr": "--site « {input} » inconnu : choisissez parmi {allowed}.",
                         "en": "unknown --site '{input}': choose among {allowed}."},
    "wxr_no_export": {"fr": "{path} : fichier introuvable.", "en": "{path}: no such file."},
    "wxr_no_uploads": {"fr": "{path} : ce dossier des médias (--uploads) n'existe pas.",
                       "en": "{path}: this uploads folder (--uploads) does not exist."},
    "today_not_a_date": {
        "fr": "{variable}={input} : la date s'écrit AAAA-MM-JJ.",
        "en": "{variable}={input}: the date is written YYYY-MM-DD.",
    },
}

# Words of the reports and of the command line's other lines.
WORDS = {
    "fix": {"fr": "À faire", "en": "Fix"},
    "warning": {"fr": "avertissement", "en": "warning"},
    "nothing_published": {"fr": "Rien n'a été publié.", "en": "Nothing was published."},
    "strict": {"fr": "Mode strict : les avertissements comptent comme des erreurs.",
               "en": "Strict mode: warnings count as errors."},
    "created": {"fr": "créé : {path}", "en": "created: {path}"},
    "online": {"fr": "en ligne : {path}", "en": "online: {path}"},
    "lines_read": {"fr": "{count} lignes lues", "en": "{count} lines read"},
    "files_compressed": {"fr": "compression (.br, .gz) : {done} fichiers sur {total}",
                         "en": "compressing (.br, .gz): {done} files of {total}"},
    "wxr_read": {"fr": "lu : {path} ({count} éléments)", "en": "read: {path} ({count} items)"},
    "wxr_redirects_comment": {"fr": "Importé de WordPress ({site}) par build.py import-wordpress",
                              "en": "Imported from WordPress ({site}) by build.py import-wordpress"},
    "wxr_report_title": {"fr": "Import WordPress : le rapport", "en": "WordPress import: the report"},
    "wxr_col_kind": {"fr": "contenu", "en": "kind"},
    "wxr_col_imported": {"fr": "importés", "en": "imported"},
    "wxr_col_unchanged": {"fr": "inchangés", "en": "unchanged"},
    "wxr_col_kept": {"fr": "gardés (modifiés)", "en": "kept (edited)"},
    "wxr_col_skipped": {"fr": "laissés de côté", "en": "skipped"},
    "wxr_col_to_review": {"fr": "à revoir", "en": "to review"},
    "wxr_kind_news": {"fr": "actualités", "en": "news"},
    "wxr_kind_notice": {"fr": "valves partenaires", "en": "partners' notices"},
    "wxr_kind_event": {"fr": "événements", "en": "events"},
    "wxr_kind_page": {"fr": "pages", "en": "pages"},
    "wxr_kind_redirect": {"fr": "anciennes adresses", "en": "old addresses"},
    "wxr_item": {"fr": "{kind} #{id} « {title} »", "en": "{kind} #{id} '{title}'"},
    "wxr_other_type": {"fr": "type « {type} » non repris : {count}", "en": "type '{type}' not imported: {count}"},
    "wxr_redirects_count": {"fr": "anciennes adresses : {added} ajoutée(s), {changed} menant désormais à l'article",
                            "en": "old addresses: {added} added, {changed} now leading to the article"},
    "wxr_to_fix": {"fr": "À reprendre à la main", "en": "To fix by hand"},
    "wxr_dry_run": {"fr": "Essai (--dry-run) : aucun fichier n'a été écrit.",
                    "en": "Trial (--dry-run): no file was written."},
    "wxr_written": {"fr": "{count} fichier(s) écrit(s) ; rapport : {path}", "en": "{count} file(s) written; report: {path}"},
    "wxr_failed": {"fr": "Rien n'a été importé.", "en": "Nothing was imported."},
    "previewing": {"fr": "Prévisualisation de « {site} » : {address} (néerlandais : /nl/). Ctrl+C pour arrêter.",
                   "en": "Preview of '{site}': {address} (Dutch: /nl/). Ctrl+C to stop."},
    "nothing_to_preview": {"fr": "rien à prévisualiser tant que les erreurs ci-dessus ne sont pas corrigées.",
                           "en": "nothing to preview until the errors above are fixed."},
    # the partners' submission service (publishing/service/): the notice's source, the moderators' e-mail
    "submission_source": {"fr": "formulaire des valves, envoi {id} du {date}",
                          "en": "notices form, submission {id} of {date}"},
    "submission_mail_subject": {"fr": "[Valves] Annonce à relire : {title} ({territory})",
                                "en": "[Notices] To review: {title} ({territory})"},
    "submission_mail_branch": {
        "fr": "Une annonce proposée par le formulaire des valves attend votre relecture.\n\n"
              "Titre : {title}\nSite : {territory}\nPartenaire : {partner}\nEnvoyée par : {submitter}\n"
              "Envoi : {id}\n\nElle est en brouillon sur la branche {where}, avec une demande de fusion "
              "(« En relecture » dans l'éditeur en ligne). Fichiers :\n{files}\n\n"
              "Relisez-la comme le dit le chapitre 10 du guide de rédaction (docs/guide-redaction.md).",
        "en": "A notice proposed through the notices form waits for your review.\n\n"
              "Title: {title}\nSite: {territory}\nPartner: {partner}\nSent by: {submitter}\n"
              "Submission: {id}\n\nIt is a draft on the branch {where}, with a merge request "
              "(\"In review\" in the web editor). Files:\n{files}\n\n"
              "Review it as chapter 10 of the editors' guide says (docs/guide-redaction.md).",
    },
    "submission_mail_queue": {
        "fr": "Une annonce proposée par le formulaire des valves attend votre relecture.\n\n"
              "Titre : {title}\nSite : {territory}\nPartenaire : {partner}\nEnvoyée par : {submitter}\n"
              "Envoi : {id}\n\nSes fichiers sont joints à cet e-mail et dans le dossier {where} du serveur. "
              "Pour la publier, placez-les dans le dépôt aux chemins :\n{files}\n\n"
              "Relisez-la comme le dit le chapitre 10 du guide de rédaction (docs/guide-redaction.md).",
        "en": "A notice proposed through the notices form waits for your review.\n\n"
              "Title: {title}\nSite: {territory}\nPartner: {partner}\nSent by: {submitter}\n"
              "Submission: {id}\n\nIts files are attached and in the folder {where} on the server. "
              "To publish it, put them into the repository at:\n{files}\n\n"
              "Review it as chapter 10 of the editors' guide says (docs/guide-redaction.md).",
    },
    "submission_listening": {"fr": "service des annonces : {socket}", "en": "submission service: {socket}"},
    "editing": {"fr": "Éditeur : {editor}   (aperçu : {preview})", "en": "Editor: {editor}   (preview: {preview})"},

    # the command line's help (build.py --help, build.py <command> --help)
    "help.description": {"fr": "Sites et brochures de Brusano et des bassins.",
                         "en": "The sites and brochures of Brusano and the bassins."},
    "help.messages": {"fr": "langue des messages d'erreur (fr par défaut, en)",
                      "en": "language of the error messages (fr by default, en)"},
    "help.check": {"fr": "vérifier tout le dépôt sans rien publier", "en": "check the whole repository, publish nothing"},
    "help.strict": {"fr": "les avertissements comptent comme des erreurs", "en": "warnings count as errors"},
    "help.build": {"fr": "construire les sites dans public/", "en": "build the sites into public/"},
    "help.build_site": {"fr": "un territoire (répétable)", "en": "one territory (repeatable)"},
    "help.build_lang": {"fr": "une langue (fr ou nl)", "en": "one language (fr or nl)"},
    "help.build_out": {"fr": "dossier de sortie (public/ par défaut)", "en": "output folder (public/ by default)"},
    "help.no_pdf": {"fr": "sans les PDF (les flux, calendriers et données ouvertes sont écrits)",
                    "en": "without the PDFs (the feeds, calendars and open data are written)"},
    "help.no_cache": {"fr": "tout reconstruire, même les sites dont rien n'a changé",
                      "en": "rebuild everything, even the sites where nothing changed"},
    "help.serve": {"fr": "prévisualiser un territoire avec rechargement automatique",
                   "en": "preview a territory, reloaded as files change"},
    "help.admin": {"fr": "écrire l'éditeur en ligne (Decap CMS) seul, dans build/admin/ par défaut "
                         "(build l'écrit déjà dans /admin/ du site de la région)",
                   "en": "write the web editor (Decap CMS) alone, into build/admin/ by default "
                         "(build already writes it into the region's site's /admin/)"},
    "help.written_folder": {"fr": "dossier écrit", "en": "folder written"},
    "help.written_file": {"fr": "fichier écrit (sinon, la sortie standard)", "en": "file written (else standard output)"},
    "help.edit": {"fr": "l'éditeur sur cette machine (fichiers du dépôt) et l'aperçu en direct",
                  "en": "the editor on this machine (the repository's files) and the live preview"},
    "help.edit_port": {"fr": "port de l'éditeur (8080 par défaut)", "en": "the editor's port (8080 by default)"},
    "help.server_config": {"fr": "écrire la configuration nginx des onze domaines (sites/, server.yml)",
                           "en": "write the nginx configuration of the eleven domains (sites/, server.yml)"},
    "help.settings": {"fr": "fichier des réglages (server.yml par défaut)", "en": "settings file (server.yml by default)"},
    "help.logrotate": {"fr": "écrire aussi la rotation du journal d'accès dans ce fichier (/etc/logrotate.d/brusano)",
                       "en": "also write the access log's rotation to this file (/etc/logrotate.d/brusano)"},
    "help.unit": {"fr": "écrire aussi l'unité systemd du service des annonces des partenaires dans ce fichier",
                  "en": "also write the systemd unit of the partners' notices service into this file"},
    "help.submissions": {"fr": "le service qui reçoit les annonces proposées par les partenaires (derrière nginx, "
                               "lancé par systemd)",
                         "en": "the service that receives the notices partners propose (behind nginx, run by "
                               "systemd)"},
    "help.deploy": {"fr": "mettre en ligne la dernière construction : une nouvelle version dans DOSSIER/releases/, "
                          "DOSSIER/current basculé d'un coup",
                    "en": "put the last build online: a new release in FOLDER/releases/, FOLDER/current switched "
                          "at once"},
    "help.server_folder": {"fr": "dossier du serveur (/srv/brusano)", "en": "the server's folder (/srv/brusano)"},
    "help.deploy_from": {"fr": "construction à publier (public/ par défaut)", "en": "build to publish (public/ by default)"},
    "help.keep": {"fr": "versions gardées (5 par défaut)", "en": "releases kept (5 by default)"},
    "help.newsletter": {"fr": "écrire la newsletter d'un mois, en e-mail HTML et texte, en français et en néerlandais "
                              "(build/newsletter/ par défaut)",
                        "en": "write a month's newsletter, as HTML and text e-mail, in French and Dutch "
                              "(build/newsletter/ by default)"},
    "help.month": {"fr": "le mois de l'édition, par ex. 2026-12", "en": "the edition's month, e.g. 2026-12"},
    "help.month_format": {"fr": "AAAA-MM", "en": "YYYY-MM"},
    "help.rollback": {"fr": "remettre en ligne la version précédente", "en": "put the previous release back online"},
    "help.new": {"fr": "créer les fichiers d'un nouveau texte (Focus, synthèse, actualité, événement, annonce de "
                       "partenaire), en brouillon",
                 "en": "create the files of a new text (Focus, synthesis, news item, event, partner's notice), "
                       "as a draft"},
    "help.new_kind": {"fr": "focus, synthese, actualite, evenement ou avis", "en": "focus, synthese, actualite, "
                                                                               "evenement or avis"},
    "help.new_slug": {"fr": "nom court en minuscules et tirets, par ex. sante-mentale",
                      "en": "short name in lower case and hyphens, e.g. sante-mentale"},
    "help.new_site": {"fr": "territoire de la synthèse, de l'actualité, de l'événement…",
                      "en": "territory of the synthesis, news item, event…"},
    "help.new_date": {"fr": "date (AAAA-MM-JJ) : de la réunion (synthèse ; AAAA-MM si seul le mois est connu), de "
                            "publication (actualité, avis) ou du début (événement)",
                      "en": "date (YYYY-MM-DD): of the meeting (synthesis; YYYY-MM when only the month is known), of "
                            "publication (news item, notice) or of the start (event)"},
    "help.today": {"fr": "le jour pris pour aujourd'hui (agenda, valves) ; par défaut la date du dernier commit",
                   "en": "the day taken for today (agenda, notices); by default the last commit's date"},
    "help.day_format": {"fr": "AAAA-MM-JJ", "en": "YYYY-MM-DD"},
    "help.year_format": {"fr": "AAAA", "en": "YYYY"},
    "help.file": {"fr": "FICHIER", "en": "FILE"},
    "help.audience": {"fr": "l'audience des sites d'après les journaux du serveur : une page HTML, des tableaux CSV et "
                            "un résumé (build/audience/ par défaut)",
                      "en": "the sites' audience from the server's logs: an HTML page, CSV tables and a summary "
                            "(build/audience/ by default)"},
    "help.audience_logs": {"fr": "journaux d'accès nginx, simples ou .gz, dans n'importe quel ordre (par défaut celui de "
                                 "server.yml et ses rotations) ; sans eux, --year additionne les rapports des mois déjà "
                                 "faits dans --out",
                           "en": "nginx access logs, plain or .gz, in any order (by default server.yml's and its "
                                 "rotations); without them, --year adds up the months' reports already in --out"},
    "help.audience_month": {"fr": "le mois compté, par ex. 2026-11", "en": "the month counted, e.g. 2026-11"},
    "help.audience_year": {"fr": "l'année comptée (les mois additionnés)", "en": "the year counted (its months added up)"},
    "help.wordpress": {"fr": "reprendre les contenus des anciens sites WordPress (exports WXR) dans content/",
                       "en": "bring the old WordPress sites' contents (WXR exports) into content/"},
    "help.wordpress_exports": {"fr": "les fichiers d'export (Outils → Exporter), un par langue avec WPML",
                               "en": "the export files (Tools → Export), one per language with WPML"},
    "help.wordpress_site": {"fr": "le territoire où les écrire (region, sud…)", "en": "the territory to write them to (region, sud…)"},
    "help.wordpress_uploads": {"fr": "copie du dossier wp-content/uploads du serveur",
                               "en": "a copy of the server's wp-content/uploads folder"},
    "help.wordpress_translations": {"fr": "table des traductions de WPML en CSV (element_id, trid, language_code)",
                                    "en": "WPML's translation table as CSV (element_id, trid, language_code)"},
    "help.wordpress_dry_run": {"fr": "afficher le rapport sans rien écrire", "en": "print the report, write nothing"},
    "help.wordpress_force": {"fr": "remplacer aussi les fichiers modifiés depuis l'import",
                             "en": "replace the files changed since the import too"},
    "help.wordpress_report": {"fr": "fichier du rapport en Markdown (build/import-wordpress-<site>.md par défaut)",
                              "en": "the report's Markdown file (build/import-wordpress-<site>.md by default)"},
}


def word(key: str, lang: str, **params: object) -> str:
    table = WORDS[key]
    text = table.get(lang) or table["fr"]
    return text.format_map(_Defaulting(params)) if params else text


def usage(code: str, lang: str, params: dict) -> str:
    """A usage error's line. A code missing here shows as given (a sentence from older code), and
    tests/test_messages.py fails on it."""
    table = USAGE.get(code)
    if table is None:
        return code
    return (table.get(lang) or table["fr"]).format_map(_Defaulting(params))


def render(code: str, lang: str, params: dict) -> tuple[str, str]:
    entry = MESSAGES.get(code) or MESSAGES["invalid"]
    text, hint = entry.get(lang) or entry["fr"]
    safe = _Defaulting(params)
    for name, part in PARTS.items():
        value = params.get(name)
        safe[name] = (part.get(lang) or part["fr"]).format_map({name: value}) if value else ""
    return text.format_map(safe), hint.format_map(safe)


def summary(errors: int, warnings: int, lang: str) -> str:
    if lang == "en":
        parts = [f"{errors} error{'s' if errors != 1 else ''}",
                 f"{warnings} warning{'s' if warnings != 1 else ''}"]
    else:
        parts = [f"{errors} erreur{'s' if errors > 1 else ''}",
                 f"{warnings} avertissement{'s' if warnings > 1 else ''}"]
    return ", ".join(parts) + "."


class _Defaulting(dict):
    def __missing__(self, key):  # a missing parameter shows as "…" rather than crashing
        return "…"
