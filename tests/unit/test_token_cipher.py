"""Tokens at rest: sealed with the first key, opened with any, rotated, and never garbled
by a wrong key."""

from __future__ import annotations

import pytest

from bot.slack.token_cipher import TokenCipher, TokenKeyError, new_key

TOKEN = "xoxb-1234-5678-abcdefghijklmnop"


def test_a_sealed_token_reads_back_and_shows_nothing_of_itself():
    cipher = TokenCipher([new_key()])
    sealed = cipher.seal(TOKEN)
    assert sealed != TOKEN and "xox" not in sealed and cipher.open(sealed) == TOKEN
    assert cipher.seal(sealed) == sealed  # sealing twice changes nothing


def test_a_new_key_first_rotates_and_the_old_one_still_opens():
    old, new = new_key(), new_key()
    sealed = TokenCipher([old]).seal(TOKEN)
    both = TokenCipher([new, old])
    resealed = both.reseal(sealed)
    assert TokenCipher([new]).open(resealed) == TOKEN
    with pytest.raises(TokenKeyError):
        TokenCipher([old]).open(resealed)


def test_a_wrong_key_or_none_refuses_instead_of_guessing():
    sealed = TokenCipher([new_key()]).seal(TOKEN)
    with pytest.raises(TokenKeyError):
        TokenCipher([new_key()]).open(sealed)
    with pytest.raises(TokenKeyError):
        TokenCipher([new_key()]).reseal(sealed)
    with pytest.raises(TokenKeyError, match="not set"):
        TokenCipher().open(sealed)
    # A token stored before encryption is read as it is, and sealed at the next start.
    assert TokenCipher([new_key()]).open(TOKEN) == TOKEN


def test_a_token_already_under_the_first_key_is_left_as_it_is():
    key = new_key()
    sealed = TokenCipher([key]).seal(TOKEN)
    assert TokenCipher([key, new_key()]).reseal(sealed) == sealed
