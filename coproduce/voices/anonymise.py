"""Mask what could identify someone before words are shown in public or sent out.

Masks email addresses, phone numbers, NHS numbers (and other long digit runs), dates of
birth, UK postcodes, street addresses, and people's names. Names come from three places:
the names of our staff and of people on our records (``known_names``); a names list
shipped with the code (``names/names.tsv``: US Census first names and common surnames,
with the names that are also ordinary words in NHS feedback flagged, built by
``coproduce.tooling.build_names``); and the words around a name ("my name is", a title
such as Dr or Mrs, a role such as "nurse Sam", "my son Kieran"). Microsoft Presidio was
weighed and not used: it finds names only with a spaCy model, which is not on the
registry these machines reach, and its pattern recognisers add nothing the rules here
do not (docs/benchmarks.md, "Masking").

What it misses is measured on a frozen set (``coproduce bench masking``): names it has
never seen and that have no cue around them get through, so a person still reads and
confirms every update and quote before it goes out (hazard H21).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

MASK = "[removed]"
NAME_MASK = "[name]"
NAMES = Path(__file__).with_name("names") / "names.tsv"
ORDINARY = NAMES.with_name("ordinary.txt")
PLACES = NAMES.with_name("places.txt")
ENGLISH = NAMES.with_name("english.txt")

_EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # Written out so as not to be read as an address: "jo (at) example (dot) com".
    r"|[\w.+-]+\s*[(\[]\s*at\s*[)\]]\s*[\w-]+(?:\s*(?:\.|[(\[]\s*dot\s*[)\]])\s*[\w-]+)+",
    re.IGNORECASE,
)
# Digits grouped by spaces, hyphens or dots ("07700.900.123", "943.476.5919").
_PHONE = re.compile(
    r"(?<!\w)(?:\+44\s?(?:\(0\))?\s?|0044\s?|\(?0)(?:\)?[\s.-]?\d){9,10}(?!\w|\.\d)"
)
_LONG_NUMBER = re.compile(r"(?<!\w)\d(?:[\s.-]?\d){7,}(?!\w|\.\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_STREET_TYPES = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Crescent|Place|"
    r"Gardens|Grove|Terrace|Hill|Park|Square|Walk|Row|Mews)"
)
_STREET = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){{1,3}}{_STREET_TYPES}\b"
    rf"|(?<=\bon |\bin |\bat )(?:[A-Z][a-z]+\s+){{1,2}}{_STREET_TYPES}\b"
)
# Typed in lower case ("14 station road"), but not "5 mins down the road" or "3 days in a
# row"; and Welsh, whose street names start with their kind ("7 maes y coed", "12 heol
# yr ysgol").
_STREET_TYPED = re.compile(
    r"(?i)\b\d{1,4}[a-z]?,?\s+"
    r"(?:(?!(?:the|a|an|in|on|at|of|to|my|your|our|their|down|up|along|per|min|mins"
    r"|minutes?|hours?|hrs?|days?|weeks?|months?|years?|times?|miles?|secs?|seconds?)\b)"
    rf"[a-z]+\s+){{1,3}}{_STREET_TYPES}\b"
    r"|\b\d{1,4}[a-z]?,?\s+(?:heol|ffordd|stryd|l[oô]n|maes|llys|cilgant|rhodfa|clos|teras"
    r"|ystad|parc|bryn|cae|pentre)\s+(?:(?:y|yr|yn|ar|o)\s+)?[^\W\d_]+"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"(?i)\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<y1>\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+(?P<y2>\d{{4}})"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}}))\b"
)
_BIRTH_CUE = re.compile(r"(?i)(?:born|d\.?o\.?b\.?|date of birth|birthday)\W{0,3}(?:is\s+|on\s+)?$")
_CUE = (
    r"(?i:my name is|i am called|i'm called|call me|called|named|i am|i'm|it's|its|"
    r"thanks to|thank you to|ask for|from|dr|doctor|mr|mrs|ms|miss|mx|pc|nurse|worker|"
    r"psychiatrist|consultant|officer|paramedic|midwife|advocate|coordinator|"
    r"son|daughter|husband|wife|partner|mum|mom|dad|brother|sister|friend|nan|grandad)"
)
_NAME_WORD = r"[A-Z](?:[a-z]*['’]?[A-Z])?[a-z'’-]+"  # "Jo", "O'Neill", "McDonald"
_CUED_NAME = re.compile(
    rf"\b({_CUE}\.?\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|PC)\.?\s+)?(?:[A-Z]\.\s+)?)"
    # Not ending inside a word: "Siân" is not "Si" + "ân" (the listed-names pass below
    # reads whole words in any alphabet).
    rf"({_NAME_WORD}(?:[\s-]+{_NAME_WORD})?)(?![^\W\d_])"
)
# What people do, said of someone named at the start of a sentence ("Sunita from the
# carers group rang me").
_DOES = re.compile(
    r"\s+(?:from|at|was|is|and|who|has|said|rang|called|came|helped|phoned|listened)\b"
)
# Words that read as a name but are not one here.
_PHRASES = re.compile(r"\b(?:Easy Read|PO Box)\b")
# A word in any alphabet ("Siân", "Łukasz", "Nguyễn"), with its apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised for other reasons: never a name on its own.
_NEVER = _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday English Polish Welsh Irish
    Scottish British Urdu Punjabi Christian Muslim I I'm I'd I've I'll NHS GP A&E CAMHS"""
    # Welsh months and days, in their mutated forms too ("o fis Ionawr" was masked as
    # "o fis [name]" in a published Welsh update, helper-84).
    """ Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd
    Rhagfyr Llun Mercher Iau Gwener Sadwrn Sul Dydd Ddydd Nos Gymraeg Cymraeg Saesneg
    Fawrth Fehefin Fedi Fai Orffennaf Lun Fercher Wener Rhwng"""
    # The services people name in crisis care (seed 001's Sanctuary, the helplines), which
    # a capital in mid-sentence would otherwise take for a name ("the [name] felt like a
    # living room", found by issue 21's fresh-eyes trial).
    """ Sanctuary Samaritans Shout Mind Sane Papyrus Crisis Line Service Team Ward Hub Café
    Cafe Haven Recovery College Hospital Centre Clinic Unit"""
    # Days said of every week ("open on Sundays" went out as "open on [name]", and the
    # Sanctuary's Welsh name, "Noddfa", as "[name]" in every Welsh version: helper-85),
    # and the Welsh names of the services above.
    """ Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Weekends Noddfa
    Evenings Mornings Afternoons Nights Weekdays Evening Afternoon Night Weekend
    Samariaid Ysbyty Canolfan Clinig Uned Llinell Argyfwng Tîm Gwasanaeth Gofal Meddyg
    Linell Ganolfan Glinig Wasanaeth Mae'r Mae’r"""
)
_NOT_A_NAME = _words(
    """The A An And But So He She They We It My This That There Then When If Nobody Everyone
    Everybody Someone Somebody Anyone Anybody No One Dr Doctor Mr Mrs Ms Miss Mx PC
    Nurse"""
)
# Welsh words that start a sentence and that a list of names also holds ("Mae" is a
# first name in English, "is" in Welsh): the service publishes in Welsh too.
_WELSH = _words(
    """Mae Roedd Rydym Rydyn Rwy Dwi Dw Dyma Dyna Diolch Bydd Byddwn Byddai Mi Ni Chi Nhw
    Hi Fe Fo Yr Y Ac Ond Os Pan Gyda Gan Am Ar O Yn Wedi Dim Does Nid Ydy Ydw Hefyd Fel
    Erbyn Ein Eich Eu Beth Pam Sut Pwy Lle Ble Heddiw Nawr Rwan Buodd Cafodd Gwnaethom
    Ddywedoch Dywedoch Dywedodd Gwnaethon Newidiwyd Eleni Llynedd Bob Pob Rhai Mwy Llai Iawn Da
    Ffoniwch Ffonio Cysylltwch"""
)


@cache
def names_list() -> dict[str, tuple[bool, str]]:
    """Name → (is a first name, "word" if also an ordinary word, "lower" if people
    sometimes write it in lower case, else "")."""
    names = {}
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        name, kind, word = [*line.split("\t"), "", ""][:3]
        names[name] = ("first" in kind, word)
    return names


@cache
def ordinary_words() -> frozenset[str]:
    """Words people write in lower case in NHS feedback: capitalised, still not a name."""
    return frozenset(ORDINARY.read_text(encoding="utf-8").split())


@cache
def places() -> frozenset[str]:
    """The United Kingdom's towns and cities named in one word ("Cardiff", "Otley"): a
    place, not a name, unless the names list has it too ("Preston")."""
    return frozenset(PLACES.read_text(encoding="utf-8").split())


@cache
def english_words() -> frozenset[str]:
    """Common English words in lower case, less the names never written in lower case in
    NHS feedback (``english.txt``, built by ``coproduce.tooling.build_names``)."""
    return frozenset(ENGLISH.read_text(encoding="utf-8").split())


# Lower-case names, typed in a hurry ("my son kieran", "dr okafor", "kieran on the crisis
# team"): the second frozen set found 24 of its tuning half's 36 names missed, all in
# lower case. A word is taken for a name in lower case only where the words around it
# say so, and only when it is not an ordinary word.
_TITLE_CUE = re.compile(
    r"(?i)(?:\b(?:dr|doctor|nurse|mr|mrs|ms|miss|mx|prof|professor"
    r"|(?:social|support|key|care)\s+worker|(?:care\s+)?co-?ordinator|psychiatrist"
    r"|consultant|therapist|counsellor|psychologist|advocate|paramedic"
    r"|(?:my|our|his|her|their)\s+(?:son|daughter|wife|husband|partner|mum|mam|mom|mother"
    r"|dad|father|brother|sister|friend|nan|nana|nanna|gran|grandad|grandma|grandson"
    r"|granddaughter|boyfriend|girlfriend|fianc[eé]e?|carer|uncle|aunt|auntie|cousin|niece"
    r"|nephew|stepson|stepdaughter|stepdad|stepmum)"
    r"|my\s+name\s+is|my\s+name['’]?s|names?|named|called|call\s+me|my\s+details\s+are"
    r"|ask\s+for|thanks\s+to|thank\s+you\s+to|shout\s*outs?\s+to"
    # Welsh: "mam fi" (my mum), "enw fi" / "fy enw i yw" (my name is).
    r"|(?:mam|tad|mab|merch|gwr|gŵr|gwraig|partner)\s+fi|enw\s+fi|fy\s+enw\s+i\s+yw)"
    r"\.?,?\s+)$"
)
# After a name: where they work or what they are ("on the crisis team", "from the crisis
# house", "the support worker", "is my care coordinator").
_ROLE_AFTER = re.compile(
    r"(?i)\s+(?:(?:on|from|at|in)\s+(?:the\s+)?(?:crisis\s+|night\s+|day\s+)?"
    r"(?:team|ward|reception|door|desk|phones?|line|nights|days|shift|unit|house|sanctuary"
    r"|hub|switchboard)\b"
    r"|(?:(?:is|was)\s+(?:my|our|his|her|their)|the)\s+(?:care\s+co-?ordinator"
    r"|co-?ordinator|nurse|doctor|psychiatrist|therapist|counsellor|(?:support|social|key"
    r"|care)\s+worker|worker|consultant|advocate)\b)"
)
# What a person does, said of someone named at the start of a sentence in lower case
# ("agnieszka helped my mum").
_DID = re.compile(
    r"(?i)\s+(?:helped|listened|explained|rang|phoned|sat|talked|spoke|stayed|treated"
    r"|visited|smiled|calmed|reassured|understood|supported)\b"
)
_AND_WORD = re.compile(r"\s+and\s+[^\W\d_](?:[^\W\d_]|['’-])*")
_JOINED_TO_A_NAME = re.compile(r"\[name\]\s+and\s+$")
_AFTER_A_NAME = re.compile(r"\[name\]\s+$")
_CLITIC = re.compile(r"'(?:n|r|m|th|ll|d|ve|re|t)$")
_PARTICLE = frozenset({"ap", "ab", "van", "von", "de", "da", "bin", "ibn", "al", "el", "le"})
_STOP = _words(
    """i me you he she they them him her it we us the a an and or but to of in on at for
    with was is were be been had has have did do not no so that this my your his their our
    about back up out off just said told from by as if then than too very really who what
    when where why how all any some one there here its it's im i'm hes he's shes she's
    theyre they're ive i've id i'd ill i'll dont don't didnt didn't cant can't wasnt
    wasn't isnt isn't wont won't dob nhs email phone tel mob number address postcode"""
    # Welsh words that follow "mam fi" and the like ("mam fi ddim yn siarad": my mum
    # does not speak).
    """ ddim dim yn yr y ac a i o ei eu ar wedi mae oedd roedd bod hi fe fo nhw ni chi fi
    ti"""
)


def _plain_word(token: str) -> str:
    return token.replace("’", "'").lower()


def _could_be_a_name(token: str, *, english_too: bool, in_english: bool = True) -> bool:
    """Whether a word in lower case may be a name where the words around it say one is:
    never an ordinary word of NHS feedback, a word that is never a name, a place, or a
    Welsh word; with ``english_too``, never a common English word either, and in Welsh
    (``in_english`` false), whose words no list here holds, only a listed name."""
    word = _plain_word(token).strip("'-")
    key = word.title()
    if _CLITIC.search(word):
        return False  # Welsh "fi'n", "mae'r", English "he's": never a name
    if len(word) < 2 or word in _STOP or word in ordinary_words():
        return False
    if key in _NEVER or key in _NOT_A_NAME or key in _WELSH or key in places():
        return False
    entry = names_list().get(key)
    if entry is not None and entry[1] == "word":
        return False  # "will", "hope": a name only with a capital, as before
    if english_too and not in_english:
        return entry is not None
    return not (english_too and word in english_words() and entry is None)


def _mask_lower_case_names(text: str) -> str:
    """Names in lower case, where the words before ("dr", "my son", "my name is") or
    after ("on the crisis team", "is my care coordinator") say they are names."""
    spans: list[tuple[int, int]] = []
    tokens = list(_WORD.finditer(text))
    if not any(t.group(0)[:1].islower() for t in tokens):
        return text
    from coproduce.voices.risk import language

    # Welsh words are in no list here, so in Welsh only a listed name is taken by its
    # place alone. (Not "not English": a Polish name alone makes English read as Polish.)
    in_english = language.detect(text) != "cy"
    for i, match in enumerate(tokens):
        token = match.group(0)
        if not token[:1].islower():
            continue
        cued = bool(_TITLE_CUE.search(text[max(0, match.start() - 40) : match.start()]))
        # The name's words: this one, a particle and the next ("dafydd ap rhys"), or a
        # surname straight after ("kwame asante").
        end = i
        while (
            end + 1 < len(tokens) and not text[tokens[end].end() : tokens[end + 1].start()].strip()
        ):
            following = tokens[end + 1].group(0)
            if _plain_word(following) in _PARTICLE and end + 2 < len(tokens):
                end += 2
            elif following[:1].islower() and _could_be_a_name(
                following, english_too=True, in_english=in_english
            ):
                end += 1
            else:
                break
            if end - i >= 2:
                break
        role = bool(_ROLE_AFTER.match(text, tokens[end].end())) or (
            _sentence_start(text, match.start()) and bool(_DID.match(text, tokens[end].end()))
        )
        # "tendai and blessing on ward 2": the first of two named before their place.
        paired = _AND_WORD.match(text, tokens[end].end())
        if paired and not role:
            role = bool(_ROLE_AFTER.match(text, paired.end()))
        # A surname after a name already masked ("[name] whitfield"), or a second name
        # joined to one ("[name] and yusuf").
        before = text[max(0, match.start() - 12) : match.start()]
        joined = bool(_JOINED_TO_A_NAME.search(before))
        after_name = bool(_AFTER_A_NAME.search(before))
        # Said to be a name: it need only not be an ordinary word of NHS feedback. Only
        # placed like one: it must not be a common English word either.
        # Straight after a name, a listed surname ("[name] evans") counts as well.
        surname = after_name and token.title() in names_list()
        if ((cued or joined or surname) and _could_be_a_name(token, english_too=False)) or (
            (after_name or role)
            and _could_be_a_name(token, english_too=True, in_english=in_english)
        ):
            spans.append((match.start(), tokens[end].end()))
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(text[last:start] + NAME_MASK)
        last = end
    out.append(text[last:])
    return "".join(out)


def _mask_dates(text: str) -> str:
    """Full dates that are birth dates: said to be ("born", "DOB"), or too long ago to be
    an appointment (a year more than five years back, or a two-digit year)."""
    this_year = dt.datetime.now(dt.UTC).year

    def replace(match: re.Match[str]) -> str:
        year = match.group("y1") or match.group("y2") or match.group("y3") or ""
        cued = _BIRTH_CUE.search(text[max(0, match.start() - 20) : match.start()])
        if cued or len(year) == 2 or int(year) <= this_year - 5:
            return MASK
        return match.group(0)

    return _DATE.sub(replace, text)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"'“(")
    return not before or before[-1] in ".!?:\n"


def _mask_listed_names(text: str) -> str:
    names = names_list()
    ordinary = ordinary_words()
    protected = [m.span() for m in _PHRASES.finditer(text)]
    out: list[str] = []
    last = 0
    previous_masked_end = -10
    for match in _WORD.finditer(text):
        token = match.group(0).rstrip("'’-")
        if any(start <= match.start() < end for start, end in protected):
            continue
        parts = [p for p in re.split(r"[-]", token) if p]
        key = token.replace("’", "'").title()
        plain = token.replace("’", "'")
        if key in _NEVER or key in _NOT_A_NAME or plain in _NEVER or plain in _NOT_A_NAME:
            continue  # ("I've".title() is "I'Ve")
        following = _WORD.search(text, match.end())
        if key in _WELSH and (
            key not in names or not (following and following.group(0)[:1].isupper())
        ):
            # "Mae gan bawb...": a Welsh word; "Mae Jemison": a name ("Dywedodd Siân":
            # a Welsh word, never a name, before one).
            continue
        entry = names.get(key) or (names.get(parts[0].title()) if len(parts) > 1 else None)
        # "Siân", "O'Neill", "McDonald": a capital, then some lower case.
        capitalised = token[0].isupper() and not token.isupper()
        after_name = (
            previous_masked_end >= 0 and not text[previous_masked_end : match.start()].strip()
        )
        # In capitals ("JO BLOGGS"), a listed name or a word straight after a name counts
        # as capitalised; any other word in capitals is more often shouting than a name.
        if len(token) > 1 and token.isupper() and (entry is not None or after_name):
            capitalised = True
        mid_sentence = not _sentence_start(text, match.start())
        if entry is None:
            # Not a listed name: capitalised in mid-sentence and not an ordinary word
            # ("once I got in, Tariq was great"), or after a name ("Priya Sharma").
            said_of = bool(_DOES.match(text, match.end()))
            # "José García helped": a first word, then another that reads as a name.
            before_name = bool(
                following
                and not text[match.end() : following.start()].strip()
                and following.group(0)[:1].isupper()
                and following.group(0)[1:2].islower()
                and following.group(0).lower() not in ordinary
            )
            mask = (
                capitalised
                and (mid_sentence or after_name or said_of or before_name)
                and token.lower() not in ordinary
                and token not in places()
            )
        else:
            is_first, seen = entry
            if seen == "word":
                mask = capitalised and (after_name or mid_sentence)
            elif is_first:
                mask = capitalised or seen == ""
            else:  # a surname only: alone, it is as often a place ("Ash ward", "the Bridge")
                mask = capitalised and after_name
        if mask:
            out.append(text[last : match.start()] + NAME_MASK)
            last = match.start() + len(token)
            previous_masked_end = last
    out.append(text[last:])
    return "".join(out)


def service_numbers() -> frozenset[str]:
    """The numbers the service itself publishes for help (its crisis line, NHS 111,
    Samaritans, 999), by their digits: never a person's, so never masked (found by issue
    21's fresh-eyes trial: "Ring [removed] for the crisis line" went to 10 people)."""
    from django.conf import settings

    local = "".join(c for c in settings.LOCAL_CRISIS_LINE if c.isdigit())
    return frozenset(d for d in (local, "111", "116123", "999", "116111", "85258") if d)


def _unless_a_service_number(match: re.Match[str]) -> str:
    digits = "".join(c for c in match.group(0) if c.isdigit())
    return match.group(0) if digits in service_numbers() else MASK


def phone_numbers_in(text: str) -> list[str]:
    """The phone numbers written in a text, as written, but the service's own numbers
    for help (a duty worker reading "call me on 07700 900123" should not have to find it
    in the words)."""
    found = dict.fromkeys(m.group(0).strip() for m in _PHONE.finditer(text))
    ours = service_numbers()
    return [n for n in found if "".join(filter(str.isdigit, n)) not in ours]


def _public_contacts() -> re.Pattern[str] | None:
    """The trust's own public contact details (``settings.PUBLIC_CONTACTS``), as written
    in any case: an update telling people where to write is not masked as a person's
    address (helper-80's update lost the trust's own email and address)."""
    from django.conf import settings

    return _contacts_pattern(tuple(settings.PUBLIC_CONTACTS))


@lru_cache(maxsize=4)
def _contacts_pattern(contacts: tuple[str, ...]) -> re.Pattern[str] | None:
    written = sorted({c.strip() for c in contacts if c.strip()}, key=len, reverse=True)
    if not written:
        return None
    either = "|".join(re.escape(c) for c in written)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


def mask(text: str, known_names: Iterable[str] = ()) -> str:
    """``text`` with what could identify a person masked: names, phone numbers, emails,
    postcodes, addresses, dates of birth and NHS numbers; never the service's own numbers
    for help or the trust's own public contact details, kept as written."""
    ours = _public_contacts()
    if ours is None:
        return _mask(text, known_names)
    out, last = [], 0
    for match in ours.finditer(text):
        out += [_mask(text[last : match.start()], known_names), match.group(0)]
        last = match.end()
    return "".join([*out, _mask(text[last:], known_names)])


def _mask(text: str, known_names: Iterable[str]) -> str:
    masked = _EMAIL.sub(MASK, text)
    masked = _STREET.sub(MASK, masked)
    masked = _STREET_TYPED.sub(MASK, masked)
    masked = _POSTCODE.sub(MASK, masked)
    masked = _mask_dates(masked)
    masked = _PHONE.sub(_unless_a_service_number, masked)
    masked = _LONG_NUMBER.sub(_unless_a_service_number, masked)
    masked = _CUED_NAME.sub(
        lambda m: (
            m.group(0)
            if m.group(2).split()[0].rstrip("'’") in _NEVER | _NOT_A_NAME
            else m.group(1) + NAME_MASK
        ),
        masked,
    )
    names = sorted({n.strip() for n in known_names if len(n.strip()) > 1}, key=len, reverse=True)
    if names:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
        masked = pattern.sub(NAME_MASK, masked)
    return _mask_lower_case_names(_mask_listed_names(masked))


def names_someone(text: str) -> bool:
    """Whether ``text`` looks as if it names a person or gives their phone number: for a
    field that must never hold one (where a voice came from: helper-83 sent "Dr John
    Smith 07700900111" as the source of a partner's voice). A reference number is not."""
    return NAME_MASK in mask(text) or bool(phone_numbers_in(text))
