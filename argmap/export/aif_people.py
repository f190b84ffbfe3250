"""Speakers as AIF participants: names that AIFdb stores, and OVA3 finds again, exactly as written.

What the readers do with a participant (read December 2026):

* AIFdb's upload (``AIFdb/actions/json.php``, ``add_participant``) looks the
  person up with ``"SELECT * FROM people WHERE firstName='" . $firstname .
  "' AND surname='" . $surname . "'"``: a name with an apostrophe or a
  backslash breaks the query, so the person is never found and is stored
  again on every upload.  Its ``people`` table holds ``firstName`` in 64
  characters (32 in the older ``install/db.sql``) and ``surname`` in 32;
  longer names are cut.  The table is MySQL ``latin1`` (Windows-1252):
  characters outside it are stored as ``?``.
* OVA3 (``res/js/ova-model.js``) finds the participant of an L-node from its
  text: ``findParticipantIDText`` takes the text before the first ``:``,
  splits it at spaces and compares word 0 with the first name and word 1
  with the surname; ``getParticipantName`` takes word 0 as the first name
  and the rest as the surname.  OVA writes L-nodes as ``"First Surname:
  words"``.

So a name is written with ``'`` as ``’`` (U+2019, in Windows-1252), ``\\`` as
``/`` and ``:`` as a space; the first name is its first word and the surname
the rest, unless the rest is longer than 32 characters: then the surname is
the longest run of last words that fits (``House of Commons`` / ``Health and
Social Care Committee``).  A single word longer than 32 characters is cut
with an ellipsis.  For OVA the spaces inside the first name and the surname
are no-break spaces (U+00A0, in Windows-1252), so that OVA's split at
spaces sees exactly two words.  argmap's block keeps every name exactly.
"""

from __future__ import annotations

from .escape import clean, truncate

__all__ = ["NAME_MAX", "locution_text", "participant_name"]

NAME_MAX = 32  # AIFdb's surname column (and the older schema's firstName)
_NBSP = "\u00a0"
_SAFE = str.maketrans({"'": "\u2019", "\\": "/", ":": " "})


def participant_name(name: str, *, ova: bool = False) -> tuple[str, str]:
    """*name* as AIF's (firstname, surname): safe for AIFdb's lookup, within its columns."""
    words = clean(name.translate(_SAFE)).split() or ["Unnamed"]
    first, rest = words[:1], words[1:]
    while len(rest) > 1 and len(" ".join(rest)) > NAME_MAX:
        first.append(rest.pop(0))
    firstname, surname = " ".join(first), " ".join(rest)
    if len(firstname) > NAME_MAX:
        firstname = truncate(firstname, NAME_MAX)
    if len(surname) > NAME_MAX:
        surname = truncate(surname, NAME_MAX)
    if ova:
        firstname, surname = firstname.replace(" ", _NBSP), surname.replace(" ", _NBSP)
    return firstname, surname


def locution_text(firstname: str, surname: str, words: str) -> str:
    """An L-node's text as OVA3 writes it: ``"First Surname: words"``.

    OVA finds the participant again from this text, in its own layout
    (``findParticipantIDText``) and in AIFdb's (``getParticipantName``); AIFdb
    itself does not read it.  A name without a surname keeps a space before
    the colon, so that OVA's split gives it the empty surname its
    participant has (``["Name", ""]``).
    """
    return f"{firstname} {surname}: {words}" if surname else f"{firstname} : {words}"
