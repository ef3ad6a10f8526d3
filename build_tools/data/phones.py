"""Phone numbers as editors write them, checked and shown the way people dial them in Belarus.

``phonenumbers`` (region BY) decides what is a valid number. Its short-number data does not
know every Belarusian short line (133, 170 are missing), so the short numbers the site needs
are listed here as well. A local number without its area code (``123-45-67``) only works from
a landline in the same town: it is kept, but flagged as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

from build_tools.messages import N_, _

from .errors import ERROR, WARNING

#: Short numbers valid anywhere in Belarus: fire/rescue, police, ambulance, gas, the common
#: emergency number, and the regional emergency psychological and rescue lines.
KNOWN_SHORT = frozenset({"101", "102", "103", "104", "112", "133", "170"})

_ALLOWED_CHARS = re.compile(r"^[+0-9 ()\-.]+$")


@dataclass(frozen=True)
class Dialling:
    """The parts of :class:`~build_tools.data.model.Phone` that come from the number itself.

    ``tel`` is what a phone in Belarus dials (see :func:`dial_in_belarus`); ``international``
    is the form to dial from abroad, None when there is none (short numbers, 8-801 free lines).
    """

    e164: str | None
    display: str
    tel: str
    short: bool = False
    international: str | None = None


class PhoneIssue(ValueError):
    """A number that is wrong (``severity`` error) or only doubtful (warning, ``dialling`` set)."""

    def __init__(
        self, message: str, fix: str, severity: str = ERROR, dialling: Dialling | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.severity = severity
        self.dialling = dialling


_FORM_FIX = N_(
    "write it as dialled in Belarus (`8 017 123-45-67`, `8 801 100 8 801`), "
    "internationally (`+375 29 123-45-67`), or as a short number (`102`)"
)


@lru_cache(maxsize=8192)
def parse_number(raw: str) -> Dialling:
    """Check a number and return how to dial and show it; raise :class:`PhoneIssue` if not."""
    text = raw.strip()
    if not text or not _ALLOWED_CHARS.match(text):
        raise PhoneIssue(_("`{raw}` is not a phone number").format(raw=raw), _(_FORM_FIX))
    digits = re.sub(r"\D", "", text)
    if not text.startswith("+") and len(digits) <= 4:
        return _short(digits, raw)
    if not text.startswith("+") and not digits.startswith("80") and 5 <= len(digits) <= 7:
        local = Dialling(None, _group(digits), digits)
        raise PhoneIssue(
            _("`{raw}` looks like a local number without its area code").format(raw=raw),
            _(
                "add the area code, such as `8 0162 12-34-56` (it only works from a "
                "landline in the same town as written)"
            ),
            WARNING,
            local,
        )
    number = _belarusian_fast(text, digits)  # valid, or None
    if number is None:
        try:
            number = phonenumbers.parse(text, "BY")
        except phonenumbers.NumberParseException as exc:
            raise PhoneIssue(
                _("`{raw}` is not a phone number ({msg})").format(raw=raw, msg=exc._msg),
                _(_FORM_FIX),
            ) from exc
        if not phonenumbers.is_valid_number(number):
            raise PhoneIssue(_("`{raw}` is not a valid phone number").format(raw=raw), _(_FORM_FIX))
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    tel = dial_in_belarus(number)
    abroad = e164 if phonenumbers.can_be_internationally_dialled(number) else None
    if number.country_code != 375:
        shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return Dialling(e164, shown, tel, international=abroad)
    return Dialling(e164, _belarusian_display(text, number), tel, international=abroad)


def dial_in_belarus(number: phonenumbers.PhoneNumber) -> str:
    """The one rule for every ``tel:`` link: the string a phone in Belarus dials.

    A number that can be dialled internationally is written ``+375…`` (it then works from any
    phone, a foreign SIM in Belarus included). The 8-801 and 8-800 free lines cannot be
    dialled in that form (``phonenumbers`` knows it): they are written as dialled inside the
    country, ``88011008801``. Short numbers never get here: they stay as they are (``102``).
    """
    if phonenumbers.can_be_internationally_dialled(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number_for_mobile_dialing(number, "BY", False)
    return re.sub(r"[^0-9+]", "", national)


def tel_of(raw: str) -> str:
    """The ``tel:`` value for a number as an editor writes it (pages, templates, the guide)."""
    try:
        return parse_number(raw).tel
    except PhoneIssue as issue:
        if issue.dialling is None:
            raise
        return issue.dialling.tel


def _belarusian_fast(text: str, digits: str) -> phonenumbers.PhoneNumber | None:
    """The common Belarusian forms without ``phonenumbers.parse`` (most of the checking time).

    ``+375 …``, ``375 …``, ``8 0XX …`` and ``8 80X …`` give the national number directly; the
    result is used only when it is a valid number, anything else goes through the library.
    """
    if text.startswith("+375") or (text[0] != "+" and digits.startswith("375")):
        national = digits[3:]
    elif text[0] == "8" and digits.startswith("80"):
        national = digits[2:]  # 8 0XX …: the trunk prefix and the zero of the area code
    elif text[0] == "8" and digits.startswith("880"):
        national = digits[1:]  # 8 801 …, 8 800 …: non-geographic codes keep their 80
    else:
        return None
    if not 9 <= len(national) <= 10:
        return None
    number = phonenumbers.PhoneNumber(country_code=375, national_number=int(national))
    return number if phonenumbers.is_valid_number(number) else None


def _short(digits: str, raw: str) -> Dialling:
    if digits in KNOWN_SHORT:
        return Dialling(None, digits, digits, short=True)
    try:
        number = phonenumbers.parse(digits, "BY")
        valid = shortnumberinfo.is_valid_short_number_for_region(number, "BY")
    except phonenumbers.NumberParseException:
        valid = False
    if valid:
        return Dialling(None, digits, digits, short=True)
    raise PhoneIssue(
        _("`{raw}` is not a known short number").format(raw=raw),
        _(
            "short numbers in Belarus are {items}; otherwise write the full number "
            "with its area code"
        ).format(items=", ".join(sorted(KNOWN_SHORT))),
    )


def _belarusian_display(text: str, number: phonenumbers.PhoneNumber) -> str:
    """``8 801 100-88-01``, ``8 017 123-45-67``, ``8 0162 12-34-56``, ``8 029 123-45-67``."""
    national = phonenumbers.national_significant_number(number)
    code = _code_as_written(text, national)
    if code is None:
        length = phonenumbers.length_of_national_destination_code(number) or 2
        code = national[:length]
    subscriber = national[len(code) :]
    prefix = f"8 {code}" if code.startswith("80") else f"8 0{code}"
    return f"{prefix} {_group(subscriber)}"


def _code_as_written(text: str, national: str) -> str | None:
    """The area code as the editor separated it (``8 0165 …``, ``+375 (165) …``), if they did.

    Belarusian area codes are 2 to 4 digits long and the metadata cannot always tell which,
    while the editor copied the number from the place itself.
    """
    parts = [p for p in re.split(r"[\s()\-.]+", text) if p]
    if len(parts) < 3:
        return None
    head, code = parts[0], parts[1]
    if head == "+375" or (head == "8" and code.startswith("0")) or head == "375":
        code = code[1:] if head == "8" and not code.startswith("80") else code
        if 2 <= len(code) <= 4 and national.startswith(code) and len(national) - len(code) >= 5:
            return code
    if head.startswith("80") and len(head) in (4, 5) and head != "8801":
        code = head[2:]
        if national.startswith(code):
            return code
    return None


def _group(digits: str) -> str:
    """``1234567`` → ``123-45-67``; ``123456`` → ``12-34-56``; ``12345`` → ``1-23-45``."""
    if len(digits) < 5:
        return digits
    return f"{digits[:-4]}-{digits[-4:-2]}-{digits[-2:]}"
