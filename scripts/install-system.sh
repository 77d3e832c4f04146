#!/usr/bin/env bash
# Install the Debian packages the build and the tests need, if they are missing.
# Pango for WeasyPrint (PDF), fonts, Chromium for browser tests and screenshots,
# poppler-utils (pdftoppm, pdffonts) to look at PDFs, a Java runtime for the HTML validator,
# Node.js and npm for the test tools of package.json (axe-core, the Nu HTML Checker).
set -euo pipefail
packages=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 fonts-open-sans
  chromium poppler-utils default-jre-headless
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (NodeSource ships npm inside its nodejs): ask for
# Debian's only when there is no npm at all.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
