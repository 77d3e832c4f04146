"""Phone numbers, e-mail addresses, web addresses and colours: checked and normalised."""
from __future__ import annotations

import re

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
URL = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/[^\s<>\"]*)?$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# Belgian zones with a one-digit prefix: Brussels, Antwerp, Liège, Ghent.
ONE_DIGIT_ZONES = {"2", "3", "4", "9"}


def normalise_phone(raw: str) -> str | None:
    """'+32 2 880 29 80' for any way of writing a Belgian number; None if it is not one.

    Landlines in Brussels: +32 2 xxx xx xx. Other zones: +32 xx xx xx xx.
    Mobiles: +32 4xx xx xx xx. Free and shared numbers: +32 800 xx xxx.
    """
    text = str(raw).strip()
    if not re.fullmatch(r"[+0-9 ./()-]+", text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if not digits.startswith("32"):
            return None
        national = digits[2:]
    elif digits.startswith("0032"):
        national = digits[4:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None
    national = national.removeprefix("0")  # "+32 (0)2 …"
    if len(national) == 9 and national.startswith("4"):  # mobile
        n = national
        return f"+32 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"
    if len(national) == 8 and national[0] in ("8", "9") and national[:3] in ("800", "900", "903", "905", "070"):
        n = national
        return f"+32 {n[:3]} {n[3:5]} {n[5:]}"
    if len(national) == 8 and national[0] in ONE_DIGIT_ZONES:
        n = national
        return f"+32 {n[0]} {n[1:4]} {n[4:6]} {n[6:]}"
    if len(national) == 8:
        n = national
        return f"+32 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
    return None


def phone_link(display: str) -> str:
    return "tel:" + display.replace(" ", "")


def valid_email(raw: str) -> bool:
    return bool(EMAIL.match(str(raw).strip()))


def valid_url(raw: str) -> bool:
    return bool(URL.match(str(raw).strip()))


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on this colour."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def colour_problem(colour: str) -> tuple[str, dict] | None:
    """None for a hex colour white text can sit on (WCAG AA, 4.5:1); else (message code, parameters)."""
    if not HEX_COLOUR.match(colour):
        return "bad_colour", {"input": colour}
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        return "low_contrast", {"input": colour, "ratio": f"{ratio:.1f}"}
    return None
