"""The till's credential store: the system keyring when there is one, else a file only its user
can read (0600); a secret never shows itself in a repr, a log line, an exception or JSON."""
from __future__ import annotations

import copy
import json
import logging
import os
import pickle
import stat

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat.properties import classproperty

from integrations.credential_store import (CredentialStoreError, FileStore, KeyringStore, Secret,
                                           default_store)

KEY = "sk_" + "3f9a" * 16  # what a Medusa secret key looks like


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its passwords in a dict (a machine with a desktop keyring). Never
    chosen by keyring itself (every subclass of KeyringBackend is a candidate): only set by hand."""

    @classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test's keyring: set by hand only")

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.passwords[(service, username)]


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"locked, cannot give {service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"locked, cannot keep {password}")  # a backend that says too much


@pytest.fixture
def system_keyring():
    """Set the process's keyring backend for one test, and put the old one back."""
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- Secret ----------------------------------------------------------------------------------------


def test_a_secret_never_shows_itself():
    s = Secret(KEY)
    for shown in (repr(s), str(s), f"{s}", f"{s!r}", "%s" % s, "{}".format(s), repr([s]),
                  repr({"key": s})):
        assert KEY not in shown and "3f9a" not in shown
    assert s.reveal() == KEY
    with pytest.raises(TypeError):
        json.dumps({"key": s})
    with pytest.raises(TypeError):
        pickle.dumps(s)
    assert copy.deepcopy({"k": s})["k"] == s and Secret(KEY) == s and Secret(KEY + "x") != s
    assert hash(Secret("a")) == hash(Secret("b"))  # the hash tells nothing either
    with pytest.raises(AttributeError):
        s._value = "other"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Secret("")


# --- the file --------------------------------------------------------------------------------------


def test_the_file_is_readable_by_its_user_only_whatever_the_umask(tmp_path):
    path = tmp_path / "cfg" / "omnipos" / "credentials.json"
    old = os.umask(0)  # a umask that would leave a new file 0666
    try:
        store = FileStore(path)
        store.put("central/s1/K1", Secret(KEY))
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        store.put("central/s1/K2", Secret(KEY[::-1]))  # rewritten: still 0600
        assert mode(path) == 0o600
    finally:
        os.umask(old)
    assert store.get("central/s1/K1") == Secret(KEY)
    assert store.get("central/s1/K2") == Secret(KEY[::-1])
    assert store.get("central/s1/K3") is None
    assert sorted(p.name for p in path.parent.iterdir()) == [".credentials.json.lock",
                                                              "credentials.json"]  # no temp file
    assert store.delete("central/s1/K1") and not store.delete("central/s1/K1")
    assert store.get("central/s1/K1") is None and store.get("central/s1/K2") == Secret(KEY[::-1])


def test_a_file_others_could_read_is_made_private_and_said_so_without_the_key(tmp_path, caplog):
    path = tmp_path / "credentials.json"
    FileStore(path).put("central/s1/K1", Secret(KEY))
    os.chmod(path, 0o644)  # e.g. copied by hand
    with caplog.at_level(logging.DEBUG):
        assert FileStore(path).get("central/s1/K1") == Secret(KEY)
    assert mode(path) == 0o600
    assert "readable by others" in caplog.text and KEY not in caplog.text


def test_the_file_is_not_followed_through_a_symlink(tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text('{"version": 1, "entries": {}}', encoding="utf-8")
    link = tmp_path / "credentials.json"
    link.symlink_to(target)
    with pytest.raises(CredentialStoreError):
        FileStore(link).get("central/s1/K1")


def test_a_damaged_file_is_an_error_that_does_not_quote_it(tmp_path):
    path = tmp_path / "credentials.json"
    path.write_text(f'{{"entries": {{"k": "{KEY}"', encoding="utf-8")  # cut short
    with pytest.raises(CredentialStoreError) as e:
        FileStore(path).get("k")
    assert KEY not in str(e.value) and str(path) in str(e.value)


# --- which store -----------------------------------------------------------------------------------


def test_without_a_keyring_the_file_in_the_platform_config_dir_is_used(
        tmp_path, monkeypatch, system_keyring):
    system_keyring(fail.Keyring())  # what this kind of machine has: no Secret Service
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    store = default_store()
    assert isinstance(store, FileStore)
    assert store.path == tmp_path / "xdg" / "omnipos" / "credentials.json"
    store.put("central/s1/K1", Secret(KEY))
    assert mode(store.path) == 0o600


def test_with_a_keyring_the_key_goes_there_and_into_no_file(tmp_path, monkeypatch, system_keyring):
    ring = MemoryKeyring()
    system_keyring(ring)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    store = default_store()
    assert isinstance(store, KeyringStore)
    store.put("central/s1/K1", Secret(KEY))
    assert ring.passwords == {("omnipos", "central/s1/K1"): KEY}
    assert store.get("central/s1/K1") == Secret(KEY)
    assert not (tmp_path / "xdg").exists()
    assert store.delete("central/s1/K1") and ring.passwords == {}
    assert not store.delete("central/s1/K1")


def test_a_broken_keyring_is_an_error_that_does_not_repeat_what_the_backend_said():
    store = KeyringStore(BrokenKeyring())
    with pytest.raises(CredentialStoreError) as e:
        store.put("central/s1/K1", Secret(KEY))
    assert KEY not in str(e.value) and e.value.__cause__ is None and e.value.__suppress_context__
    with pytest.raises(CredentialStoreError):
        store.get("central/s1/K1")


def test_no_repr_or_log_line_of_the_credential_path_holds_the_key(tmp_path, caplog):
    from integrations.medusa.client import AdminLogin, MedusaClient, RegisterKey

    store = FileStore(tmp_path / "credentials.json")
    with caplog.at_level(logging.DEBUG):
        store.put("central/s1/K1", Secret(KEY))
        secret = store.get("central/s1/K1")
        auth = RegisterKey("K1", lambda: secret)
        client = MedusaClient("http://127.0.0.1:9", auth=auth)
        login = AdminLogin("admin@x", KEY)
        shown = " ".join(repr(x) for x in (store, secret, auth, client, login, vars(auth),
                                            vars(login)))
    assert KEY not in shown and KEY not in caplog.text
