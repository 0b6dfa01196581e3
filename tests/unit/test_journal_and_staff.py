from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from pos.journal import GENESIS, make_entry, verify_chain
from pos.staff import AuthError, LoginState, LockedOut, hash_pin, verify_pin


def chain(n: int):
    entries, head = [], (0, GENESIS)
    for i in range(n):
        e = make_entry(head, f"2026-11-23T10:00:{i:02d}", "K1", "sale", {"receipt_no": i + 1})
        entries.append(e)
        head = (e.seq, e.hash)
    return entries, head


def test_an_untouched_chain_verifies():
    entries, head = chain(5)
    assert verify_chain(entries, head).ok


def test_an_edited_payload_is_found_at_its_entry():
    entries, head = chain(5)
    entries[2] = replace(entries[2], payload_json='{"receipt_no":99}')
    v = verify_chain(entries, head)
    assert not v.ok and v.first_bad_seq == 3 and "changed" in v.reason


def test_a_deleted_middle_entry_is_found():
    entries, head = chain(5)
    del entries[1]
    v = verify_chain(entries, head)
    assert not v.ok and v.first_bad_seq == 2


def test_deleting_the_newest_entries_is_caught_by_the_head():
    entries, head = chain(5)
    v = verify_chain(entries[:3], head)
    assert not v.ok and v.first_bad_seq == 4


def test_an_inserted_entry_breaks_the_link():
    entries, head = chain(3)
    forged = make_entry((entries[0].seq, entries[0].hash), "x", "K1", "sale", {"forged": True})
    v = verify_chain([entries[0], forged, *entries[1:]], head)
    assert not v.ok and v.first_bad_seq in (2, 3)


def test_pins_are_hashed_with_salt_and_verified():
    h1, h2 = hash_pin("1234"), hash_pin("1234")
    assert h1 != h2 and "1234" not in h1
    assert verify_pin("1234", h1) and not verify_pin("1235", h1)
    with pytest.raises(AuthError):
        hash_pin("12")


def test_five_wrong_pins_lock_the_user_for_a_while():
    state, now = LoginState(), datetime(2026, 11, 23, 10, 0)
    for _ in range(5):
        state.check(now)
        state.failed(now)
    with pytest.raises(LockedOut):
        state.check(now + timedelta(minutes=1))
    state.check(now + timedelta(minutes=6))
