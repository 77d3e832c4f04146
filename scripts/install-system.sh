#!/usr/bin/env bash
# Install the Debian packages the build and the tests need, if they are missing.
# Pango for WeasyPrint (PDF), fonts, Chromium for browser tests and screenshots,
# poppler-utils (pdftoppm, pdffonts) to look at PDFs, a Java runtime for the HTML validator,
# Node.js and npm for the test tools of package.json (axe-core, the Nu HTML Checker),
# nginx with Debian's brotli_static module (the production server; the tests run it on loopback),
# logrotate (the access log's retention, written by build.py server-config --logrotate),
# git and openssh-client (the partners' submission service pushes its branches to the Git host).
set -euo pipefail
packages=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 fonts-open-sans
  chromium poppler-utils default-jre-headless libnginx-mod-http-brotli-static logrotate git openssh-client
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (NodeSource ships npm inside its nodejs): ask for
# Debian's only when there is no npm at all.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# Any Debian nginx will do (nginx-light, nginx, nginx-full); nginx-light when there is none.
new_nginx=0
[ -x /usr/sbin/nginx ] || { missing+=(nginx-light); new_nginx=1; }
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Installing nginx starts Debian's service on port 80: stop it and keep it from starting at boot.
# The tests start their own nginx on loopback; a server is set up as the README says (Going online).
if [ "$new_nginx" -eq 1 ]; then
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
  else
    $SUDO service nginx stop >/dev/null 2>&1 || true
    $SUDO update-rc.d nginx disable >/dev/null 2>&1 || true
  fi
fi
