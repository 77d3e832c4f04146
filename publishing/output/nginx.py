"""The production web server's configuration (nginx), made from the territories' domains.

Each language of each territory has a home URL (`url` in `sites/<id>.yml`); its host is one of
the served domains. Both the apex and the `www.` form of every domain are answered: the form
written in `sites/` is canonical, the other redirects to it. Everything else about the server
(ports, folders, certificate paths) is in one settings file (`server.yml`), read into
`ServerSettings`.

The text is an http-level include (`/etc/nginx/conf.d/brusano.conf`): `mime.types` must be
included before it, as Debian's `nginx.conf` does.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from publishing.model import LANGS, Territory
from publishing.model import access_log as log_format
from publishing.model.paths import NOTICE_BODY_MB, NOTICE_SUBMIT, NOTICE_TOO_LARGE, NOTICE_TOO_MANY, NOTICE_UNAVAILABLE
from publishing.model.redirect import Redirect, locate

YEAR = 365 * 24 * 3600
FEED_SECONDS = 300  # feeds and calendars: minutes

# Content-Security-Policy. Nothing is allowed by default (default-src 'none'); each kind of resource
# the pages use is allowed from the sites' own files, and only those. Scripts: no page has an inline
# script (Material's two are moved to files by theme/web/partials/javascripts/; tests/test_csp.py
# checks every built page and runs them under this policy in Chromium); 'wasm-unsafe-eval' lets
# Pagefind's search run its WebAssembly. Styles: no <style> element and no style attribute either (the
# territory's colour and the colours of marks are in assets/colours.css, output/colours.py); Material's
# scripts set styles through the CSSOM, which style-src does not govern. Images and fonts may also be
# data: URLs (Material's stylesheet draws its icons with them); connect-src for the search index;
# forms post to the site only.
CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

# The in-browser editor at /admin/ of the region's site (Decap CMS, build.py admin) gets a policy of
# its own, relaxed for it alone: Decap compiles its configuration's schema with `new Function`
# ('unsafe-eval'), styles its interface with inline <style> (emotion), shows the preview in a frame
# and talks to the Git host's API (editor_* in server.yml). The sites' pages keep CSP above.
def admin_csp(settings: ServerSettings) -> str:
    hosts = " ".join(git_host_origins(settings))
    return ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
            "style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob: {hosts}; font-src 'self' data:; connect-src 'self' {hosts}; "
            "frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'")


def git_host_origins(settings: ServerSettings) -> list[str]:
    """What the editor's page may ask besides its own host: the chosen Git host's addresses."""
    if settings.editor_host:
        return [settings.editor_host.rstrip("/")]
    return {"github": ["https://api.github.com", "https://github.com"],
            "gitlab": ["https://gitlab.com"]}.get(settings.editor_backend, [])


SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Strict-Transport-Security", f"max-age={YEAR}"),
    ("Content-Security-Policy", CSP),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
)

# Types nginx's mime.types lacks or gets wrong for our files (matched on the path).
EXTRA_TYPES: tuple[tuple[str, str], ...] = (
    (r"\.ics$", "text/calendar"),
    (r"\.csv$", "text/csv"),
    (r"/feed\.xml$", "application/atom+xml"),
)

# Files `deploy` writes precompressed (.br, .gz) beside them (publishing.output.precompress).
COMPRESSED_TYPES = ("text/html", "text/css", "application/javascript", "application/json",
                    "application/xml", "text/xml", "image/svg+xml", "text/calendar",
                    "application/atom+xml", "text/csv")


@dataclass(frozen=True)
class ServerSettings:
    """What the configuration needs besides the domains (`server.yml`)."""

    public: str = "/srv/brusano/current"  # the served tree: public/<site>/ (a symlink to a release)
    acme: str = "/var/www/acme"  # /.well-known/acme-challenge/ is served from here on port 80
    certificate: str = "/etc/letsencrypt/live/{domain}/fullchain.pem"
    certificate_key: str = "/etc/letsencrypt/live/{domain}/privkey.pem"
    # The access log (its own folder: Debian's logrotate rotates /var/log/nginx/*.log its own way)
    # and how many days a line of it is kept (output/logrotate.py; the privacy statement says so).
    access_log: str = "/var/log/brusano/access.log"
    log_days: int = 35
    http_port: int = 80
    https_port: int = 443
    listen: str = ""  # the addresses to listen on, separated by spaces ("127.0.0.1 [::1]" in tests), or all
    brotli: bool = True  # Debian's libnginx-mod-http-brotli-static is loaded
    # The in-browser editor at /admin/ of the region's site (build.py admin): the Git host
    # (gitlab, github, gitea or forgejo), the repository "owner/name", its branch, and for a
    # self-hosted GitLab, Gitea or Forgejo the host's address (https://git.example.org).
    editor_backend: str = "gitlab"
    editor_repo: str = "brusano/sites"
    editor_branch: str = "main"
    editor_host: str = ""
    # The partners' form's submission service (publishing/service/, `build.py submissions`), behind
    # nginx on a Unix socket, run by systemd (publishing/output/systemd.py) as its own user, with its
    # own clone of the content repository and its queue under submissions_home. Empty socket: no service.
    submissions_socket: str = "/run/brusano-submissions/service.sock"
    submissions_user: str = "brusano-submissions"
    submissions_home: str = "/srv/brusano/submissions"  # repo/ (its clone), queue/, lock
    submissions_code: str = "/srv/brusano/repo"  # the code, theme and sites/ it runs with (the build's clone)
    submissions_push: bool = True  # each submission a branch pushed to repo/'s origin; false: queue/ and e-mail
    submissions_pending_max: int = 30  # then a polite refusal
    submissions_links_max: int = 5  # links in a notice's text
    submissions_rate: str = "6r/m"  # per address (truncated as in the logs), nginx's limit_req
    submissions_burst: int = 3
    # E-mail: the moderators told of each submission, the partner acknowledged
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_starttls: bool = False
    smtp_user: str = ""
    smtp_password_file: str = ""  # a file only the service reads (systemd LoadCredential)
    mail_from: str = ""
    moderators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Domain:
    """A served host: the site folder each path prefix maps to."""

    host: str  # canonical, as written in sites/
    site: str
    roots: tuple[tuple[str, str], ...]  # (path prefix "/" or "/nl/", language)

    @property
    def alias(self) -> str:
        """The other form of the host, redirected to the canonical one."""
        return self.host[4:] if self.host.startswith("www.") else "www." + self.host


def domains(territories: dict[str, Territory]) -> list[Domain]:
    """The served domains, in the territories' order: a host per language, or one for both."""
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for t in territories.values():
        for lang in LANGS:
            url = urlsplit(t.url[lang])
            site, prefixes = found.setdefault(url.netloc, (t.id, []))
            if site != t.id:
                raise ValueError(f"{url.netloc} is the domain of both {site} and {t.id}")
            prefixes.append((url.path or "/", lang))
    return [Domain(host, site, tuple(sorted(prefixes, key=lambda p: -len(p[0]))))
            for host, (site, prefixes) in found.items()]


# The client's address as the logs keep it. nginx writes $remote_addr in the compressed form
# (`2a02::5c7e:91ff:fe12:3456`), so the first 48 bits of an IPv6 address (three groups) are found by
# where `::` stands and how many groups follow it, as if it were written out in full: each rule is a
# case-insensitive regular expression and the value it gives, the first that matches wins, and an
# address no rule matches is logged as `-`. tests/test_server_logs.py applies these rules to every
# form of thousands of addresses and compares them with Python's ipaddress.
_GROUP = "[0-9a-f]{1,4}"
_IPV4 = r"\d+\.\d+\.\d+\.\d+"


def _units(count: int) -> str:
    """`count` groups of an IPv6 address, the last two of which may be written as an IPv4 address."""
    groups = _GROUP + f"(?::{_GROUP}){{{count - 1}}}"
    return f"(?:{groups}|(?:{_GROUP}:){{{count - 2}}}{_IPV4})"


CLIENT_RULES: tuple[tuple[str, str], ...] = (
    (r"^(?P<v4>\d+\.\d+\.\d+)\.\d+$", "$v4.0"),  # IPv4: the last byte dropped
    (f"^(?P<h1>{_GROUP}):(?P<h2>{_GROUP}):(?P<h3>{_GROUP}):", "$h1:$h2:$h3::"),  # three groups written
    (f"^(?P<h1>{_GROUP}):(?P<h2>{_GROUP})::", "$h1:$h2::"),  # the third group is zero
    (f"^(?P<h1>{_GROUP})::(?P<h3>{_GROUP}):{_units(5)}$", "$h1:0:$h3::"),  # `::` stands for one group
    (f"^(?P<h1>{_GROUP})::", "$h1::"),  # `::` stands for two groups or more
    (f"^::(?P<h2>{_GROUP}):(?P<h3>{_GROUP}):{_units(5)}$", "0:$h2:$h3::"),  # one leading zero group
    (f"^::(?P<h3>{_GROUP}):{_units(5)}$", "0:0:$h3::"),  # two leading zero groups
    ("^::", "::"),  # three leading zero groups or more
)


def client_map() -> list[str]:
    """The map that makes $brusano_client, the address written in the logs, from $remote_addr."""
    return ["map $remote_addr $brusano_client {",
            *[f'    "~*{pattern}" "{value}";' for pattern, value in CLIENT_RULES],
            "    default -;", "}"]


def config(territories: dict[str, Territory], settings: ServerSettings, redirects: Sequence[Redirect] = ()) -> str:
    """The nginx configuration text; redirects: the old sites' addresses (sites/anciennes-adresses.yml)."""
    sizes, moved = _moved(territories, settings, redirects)
    out: list[str] = [
        "# Generated by `build.py server-config` from sites/*.yml, sites/anciennes-adresses.yml and server.yml:",
        "# do not edit.",
        *sizes,
        "",
        "# The logs keep no full IP address: the last byte (IPv4) or the last 80 bits (IPv6) are dropped.",
        *client_map(),
        *log_format.nginx_lines(),  # the format build.py audience reads (publishing/model/access_log.py)
        "",
        "# How long a response may be kept: fingerprinted assets a year, feeds minutes, HTML revalidated.",
        "map $uri $brusano_cache {",
        rf'    "~\.[0-9a-f]{{8,}}\.min\.(css|js)$" "public, max-age={YEAR}, immutable";',
        rf'    "~/pagefind/.*_[0-9a-f]{{6,}}\.pf_" "public, max-age={YEAR}, immutable";',
        rf'    "~(\.xml|\.ics)$" "public, max-age={FEED_SECONDS}";',
        r'    "~(\.html|/)$" "no-cache";',
        '    default "public, max-age=3600";',
        "}",
        "",
        "server_tokens off;",
        "autoindex off;",
        "charset utf-8;",
        "charset_types text/css text/plain text/xml application/javascript application/json application/xml "
        "application/atom+xml text/calendar text/csv image/svg+xml;",
        "gzip_static on;",
        "gzip_vary on;",
    ]
    if settings.brotli:
        out.append("brotli_static on;")
    out += _submissions_zone(settings)
    out += ["", *moved, "", *_refuse(settings)]
    for domain in domains(territories):
        out += ["", *_http(domain, settings), "", *_alias(domain, settings), "", *_https(domain, settings)]
    return "\n".join(out) + "\n"


def _moved(territories: dict[str, Territory], settings: ServerSettings,
           redirects: Sequence[Redirect]) -> tuple[list[str], list[str]]:
    """The old addresses, by host and decoded path ($host$uri), each form a visitor may use (www. or
    not, final slash or not) mapped to the canonical address of its new page; every server block
    answers them with a 301 before anything else. Also the size of the maps' hash, which must come
    before the first map."""
    entries: list[tuple[str, str]] = []
    for redirect in redirects:
        found = locate(redirect.new, territories)
        if redirect.same or found is None:
            continue
        territory, lang, rest = found
        home = urlsplit(territory.url[lang])
        target = _https_url(settings, home.netloc) + home.path + rest
        host, path = redirect.key
        for form in (host, "www." + host):
            for variant in dict.fromkeys((path, path if path == "/" else path + "/")):
                entries.append((form + variant, target))
    # the hash's buckets must hold the longest address (in bytes: accents count double)
    longest = max((len(key.encode()) for key, _ in entries), default=0)
    bucket = 64
    while bucket < longest + 32:
        bucket *= 2
    sizes = [f"map_hash_bucket_size {bucket};", f"map_hash_max_size {max(2048, 4 * len(entries))};"]
    return sizes, ["# Old addresses (sites/anciennes-adresses.yml) and where they now lead.",
                   "map $host$uri $brusano_moved {", '    default "";',
                   *[f'    "{_quoted(key)}" "{_quoted(target)}";' for key, target in entries], "}"]


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _listen(settings: ServerSettings, port: int, extra: str = "") -> list[str]:
    if not settings.listen:
        return [f"    listen {port}{extra};", f"    listen [::]:{port}{extra};"]
    return [f"    listen {address}:{port}{extra};" for address in settings.listen.split()]


def _https_url(settings: ServerSettings, host: str) -> str:
    port = "" if settings.https_port == 443 else f":{settings.https_port}"
    return f"https://{host}{port}"


def _refuse(settings: ServerSettings) -> list[str]:
    """Unknown hosts: the connection is closed, the TLS handshake refused."""
    return [
        "# Unknown hosts are refused.",
        "server {",
        *_listen(settings, settings.http_port, " default_server"),
        "    server_name _;",
        *_logs(settings),
        "    return 444;",
        "}",
        "server {",
        *_listen(settings, settings.https_port, " ssl default_server"),
        "    server_name _;",
        *_logs(settings),
        "    ssl_reject_handshake on;",
        "}",
    ]


def _logs(settings: ServerSettings) -> list[str]:
    """Every server block says where its requests are logged, so that none inherits Debian's
    `access_log /var/log/nginx/access.log` (combined format: the full address). nginx cannot mask
    the address it writes in its error lines (`client: ...`), so the sites' servers write none:
    a request's status is in the access log; nginx's own messages (start, configuration) still go
    to the error_log of nginx.conf, which holds no client address."""
    return [f"    access_log {settings.access_log} {log_format.NAME};", "    error_log /dev/null emerg;"]


def _tls(settings: ServerSettings, host: str) -> list[str]:
    return [
        f"    ssl_certificate {settings.certificate.format(domain=host)};",
        f"    ssl_certificate_key {settings.certificate_key.format(domain=host)};",
        "    ssl_protocols TLSv1.2 TLSv1.3;",
    ]


def _headers(cache: bool = True) -> list[str]:
    lines = [f'    add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS]
    if cache:
        lines.append('    add_header Cache-Control $brusano_cache always;')
    return lines


# An old address: straight to its new page, whatever the form of the host or the scheme.
MOVED = ['    if ($brusano_moved) { return 301 $brusano_moved; }']


def _http(domain: Domain, settings: ServerSettings) -> list[str]:
    """Port 80, both forms: ACME challenges from their folder, everything else to HTTPS."""
    return [
        f"# {domain.host} ({domain.site})",
        "server {",
        *_listen(settings, settings.http_port),
        f"    server_name {domain.host} {domain.alias};",
        *_logs(settings),
        *MOVED,
        "    location ^~ /.well-known/acme-challenge/ {",
        f"        root {settings.acme};",
        "        default_type text/plain;",
        "    }",
        "    location / {",
        f"        return 301 {_https_url(settings, domain.host)}$request_uri;",
        "    }",
        "}",
    ]


def _alias(domain: Domain, settings: ServerSettings) -> list[str]:
    """HTTPS on the other form of the host: a redirect to the canonical one."""
    return [
        "server {",
        *_listen(settings, settings.https_port, " ssl"),
        f"    server_name {domain.alias};",
        *_tls(settings, domain.alias),
        *_logs(settings),
        *_headers(cache=False),
        *MOVED,
        f"    return 301 {_https_url(settings, domain.host)}$request_uri;",
        "}",
    ]


def _https(domain: Domain, settings: ServerSettings) -> list[str]:
    """HTTPS on the canonical host: the site's files, each language's 404."""
    lines = [
        "server {",
        *_listen(settings, settings.https_port, " ssl"),
        f"    server_name {domain.host};",
        *_tls(settings, domain.host),
        *_logs(settings),
        *MOVED,
    ]
    if len(domain.roots) == 1:  # one language on this host: its folder is the root
        lang = domain.roots[0][1]
        folder = f"{settings.public}/{domain.site}" + ("" if lang == "fr" else f"/{lang}")
    else:  # French at the root, other languages under their prefix, as built
        folder = f"{settings.public}/{domain.site}"
    lines += [
        f"    root {folder};",
        "    index index.html;",
        "    error_page 404 /404.html;",
        "    error_page 403 =404 /404.html;  # a folder without index.html: no listing, not found",
        *_headers(),
        "    # No dotfile is served.",
        "    location ~ /\\. { return 404; }",
    ]
    for pattern, mime in EXTRA_TYPES:
        lines += [f"    location ~ {pattern} {{", "        types { }", f"        default_type {mime};",
                  *["    " + h for h in _headers()], "    }"]
    for prefix, _lang in domain.roots:
        if prefix == "/":
            continue
        lines += [f"    location {prefix} {{", f"        error_page 404 {prefix}404.html;",
                  f"        error_page 403 =404 {prefix}404.html;",
                  "        try_files $uri $uri/ =404;", "    }"]
    if domain.site == ADMIN_SITE:
        lines += _admin(settings)
    for prefix, lang in domain.roots:
        lines += _submissions(domain, settings, prefix, lang)
    lines += ["    location / {", "        try_files $uri $uri/ =404;", "    }", "}"]
    return lines


# The partners' form's post (publishing/plan/sections/notice_form.py), and the page of each refusal
SUBMIT_PAGES = {413: NOTICE_TOO_LARGE, 429: NOTICE_TOO_MANY, 502: NOTICE_UNAVAILABLE, 503: NOTICE_UNAVAILABLE,
                504: NOTICE_UNAVAILABLE}


def _submissions_zone(settings: ServerSettings) -> list[str]:
    if not settings.submissions_socket:
        return []
    return ["",
            "# The partners' form: submissions counted per address, truncated as in the logs (publishing/service/).",
            f"limit_req_zone $brusano_client zone=brusano_submissions:1m rate={settings.submissions_rate};"]


def _submissions(domain: Domain, settings: ServerSettings, prefix: str, lang: str) -> list[str]:
    """The form's post, to the service's socket, saying the site and the language; bounded in size
    and rate, each refusal answered with its page in the language; never cached."""
    if not settings.submissions_socket:
        return []
    base = prefix if len(domain.roots) > 1 else "/"
    headers = [(name, value) for name, value in SECURITY_HEADERS]
    return [f"    location = {base}{NOTICE_SUBMIT} {{",
            "        limit_except POST { deny all; }",
            f"        limit_req zone=brusano_submissions burst={settings.submissions_burst} nodelay;",
            "        limit_req_status 429;",
            f"        client_max_body_size {NOTICE_BODY_MB}m;",
            *[f"        error_page {status} {base}{page}/;" for status, page in SUBMIT_PAGES.items()],
            f"        proxy_pass http://unix:{settings.submissions_socket}:;",
            "        proxy_set_header Host $host;",
            f"        proxy_set_header X-Brusano-Site {domain.site};",
            f"        proxy_set_header X-Brusano-Lang {lang};",
            "        proxy_set_header X-Forwarded-For \"\";",
            "        proxy_read_timeout 90s;",
            *[f'        add_header {name} "{value}" always;' for name, value in headers],
            '        add_header Cache-Control "no-store" always;',
            "    }"]


ADMIN_SITE = "region"  # the site whose /admin/ holds the editor


def _admin(settings: ServerSettings) -> list[str]:
    """/admin/: the editor's files under its own Content-Security-Policy (add_header in a location
    replaces the server's headers: all are given again), never cached stale, never indexed."""
    headers = [(name, admin_csp(settings) if name == "Content-Security-Policy" else value)
               for name, value in SECURITY_HEADERS]
    return ["    location ^~ /admin/ {",
            *[f'        add_header {name} "{value}" always;' for name, value in headers],
            '        add_header Cache-Control "no-cache" always;',
            '        add_header X-Robots-Tag "noindex" always;',
            "        try_files $uri $uri/ =404;",
            "    }"]
