"""Bot and refresh tokens at rest: encrypted with Fernet (`cryptography`), so a copy of the
database alone cannot act in anyone's Slack.

TOKEN_ENCRYPTION_KEY holds one key or several, comma-separated: the first encrypts, any
decrypts (MultiFernet). A key is rotated by putting a new one first: the next
`mentorbot migrate` (or a server's start) re-encrypts every stored token with it, and the
old key can go once that has run. A key that opens none of the stored tokens is refused
at start, before anything is written: a wrong key never garbles a token.
"""

from __future__ import annotations

from collections.abc import Iterable

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

# Every Fernet token starts so (version byte 0x80); every Slack token with "xox".
_SEALED = "gAAAAA"
_SLACK = "xox"


class TokenKeyError(Exception):
    """The key can't open a stored token, or a stored token is sealed and no key is set."""


class TokenCipher:
    def __init__(self, keys: Iterable[str] = ()) -> None:
        fernets = [Fernet(key.strip()) for key in keys if key.strip()]
        self._first = fernets[0] if fernets else None
        self._fernet = MultiFernet(fernets) if fernets else None

    @property
    def encrypts(self) -> bool:
        return self._fernet is not None

    def seal(self, token: str | None) -> str | None:
        if token is None or self._fernet is None or token.startswith(_SEALED):
            return token
        return self._fernet.encrypt(token.encode()).decode()

    def open(self, stored: str | None) -> str | None:
        if stored is None or stored.startswith(_SLACK):
            return stored  # stored before encryption; sealed at the next start
        if self._fernet is None:
            raise TokenKeyError("a stored token is encrypted and TOKEN_ENCRYPTION_KEY is not set")
        try:
            return self._fernet.decrypt(stored.encode()).decode()
        except InvalidToken:
            raise TokenKeyError("TOKEN_ENCRYPTION_KEY cannot open a stored token") from None

    def reseal(self, stored: str | None) -> str | None:
        """The stored value as it should be now: sealed with the first key. Raises
        TokenKeyError when no key given opens it."""
        if stored is None or self._fernet is None:
            return stored
        if stored.startswith(_SLACK):
            return self.seal(stored)
        try:
            self._first.decrypt(stored.encode())
            return stored  # already under the first key: left as it is
        except InvalidToken:
            pass
        try:
            return self._fernet.rotate(stored.encode()).decode()
        except InvalidToken:
            raise TokenKeyError("TOKEN_ENCRYPTION_KEY cannot open a stored token") from None


def new_key() -> str:
    return Fernet.generate_key().decode()
