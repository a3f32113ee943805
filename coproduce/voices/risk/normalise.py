"""Text as the lexicon reads it: one spelling for the many ways people type a word.

Case and Unicode forms folded (NFKC, so full-width letters read as letters; Welsh
circumflexes dropped, as they are often not typed), apostrophes
dropped ("can't", "can\u2019t" and "cant" read alike), punctuation to spaces, letters
stretched for emphasis shortened ("pleaseeee"), and common text-speak and misspellings
written out in full ("im gonna od 2nite" reads "i am going to overdose tonight").
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u0060\u00b4]")
_NOT_WORD = re.compile(r"[^\w]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")

# One token to its full form. Only forms that mean one thing in a message to a crisis
# service: "sh" is self-harm there far more often than anything else.
_TEXT_SPEAK = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "im": "i am",
    "ive": "i have",
    "cant": "can not",
    "cannot": "can not",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "wont": "will not",
    "wouldnt": "would not",
    "isnt": "is not",
    "aint": "am not",
    "wanna": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "gnna": "going to",
    "tryna": "trying to",
    "imma": "i am going to",
    "ima": "i am going to",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "tnight": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "nite": "night",
    "rn": "right now",
    "atm": "at the moment",
    "pls": "please",
    "plz": "please",
    "coz": "because",
    "cos": "because",
    "cuz": "because",
    "bc": "because",
    "b4": "before",
    "ppl": "people",
    "every1": "everyone",
    "sum1": "someone",
    "some1": "someone",
    "no1": "no one",
    "any1": "anyone",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "kms": "kill myself",
    "kmsl": "kill myself",
    "od": "overdose",
    "oded": "overdosed",
    "ods": "overdose",
    "sh": "self harm",
    "tabs": "tablets",
    "meds": "medication",
    "myslef": "myself",
    "mysef": "myself",
    "meself": "myself",
    "mysefl": "myself",
    "myselfe": "myself",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suicied": "suicide",
    "suacide": "suicide",
    "suicid": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "suisidal": "suicidal",
    "suicidle": "suicidal",
    "sewerslide": "suicide",
    "unalive": "kill",
    "unaliving": "killing",
    "unalived": "killed",
    "overdoes": "overdose",
    "overdoze": "overdose",
    "overdosed": "overdosed",
    "paracetemol": "paracetamol",
    "paracetomol": "paracetamol",
    "paracetmol": "paracetamol",
    "parcetamol": "paracetamol",
    "paracetamols": "paracetamol",
    "pils": "pills",
    "tablts": "tablets",
    "tabelts": "tablets",
    "tablet": "tablets",
    "wiv": "with",
    "wiht": "with",
    "thru": "through",
    "tho": "though",
    "kil": "kill",
    "wnt": "want",
    "wnat": "want",
    "dnt": "do not",
    "nothin": "nothing",
    "goin": "going",
    "thinkin": "thinking",
    "jumpin": "jumping",
    "cuttin": "cutting",
    "hurtin": "hurting",
    "killin": "killing",
    "dyin": "dying",
    "livin": "living",
    "anymore": "any more",
    "nomore": "no more",
    "sed": "said",
    "wen": "when",
    "wer": "where",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "theyll": "they will",
    "ull": "you will",
    "youll": "you will",
    "thats": "that is",
    "whats": "what is",
    "its": "it is",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "shud": "should",
}

_FOLD = str.maketrans({"ŵ": "w", "ŷ": "y", "â": "a", "ê": "e", "î": "i", "ô": "o", "û": "u"})


def normalise(text: str) -> str:
    """The lexicon's reading of a message: lower case, plain words, one space between."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    folded = _APOSTROPHES.sub("", folded)
    folded = _NOT_WORD.sub(" ", folded).replace("_", " ")
    folded = _STRETCHED.sub(r"\1\1", folded)
    words = []
    for word in folded.split():
        words.append(_TEXT_SPEAK.get(word, word))
    return " ".join(words)


# Welsh joins a short word to the one before it with an apostrophe: "lleisiau'n" (the
# voices [are]), "o'r bont" (from the bridge), "teimlo'n ddiogel" (feeling safe).
_WELSH_CLITIC = re.compile("(\\w)['\u2018\u2019\u02bc](n|r|m|i|th|ch|w|u)\\b", re.IGNORECASE)


def split_welsh_clitics(text: str) -> str:
    """Welsh text with its joined short words apart, for the Welsh phrases to find."""
    return _WELSH_CLITIC.sub(r"\1 \2", text)
