"""The till's own secrets (its register's key for the central store): kept in the system keyring
when the machine has one (PyPI ``keyring``: Secret Service, macOS Keychain, Windows Credential
Locker), else in ``credentials.json`` in the platform config directory
(``~/.config/omnipos/credentials.json`` on Linux), a file only its user can read (mode 0600, in a
folder made 0700).

    store = default_store()
    store.put("central/store_01.../K1", Secret("sk_..."))
    store.get("central/store_01.../K1")      # a Secret, or None
    store.delete("central/store_01.../K1")

A secret is a ``Secret``: it prints, formats and logs as ``Secret('***')`` and cannot be pickled;
``reveal()`` gives the text to the one place that sends it. Nothing here logs a value, only names
and paths.
"""
from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from platformdirs import user_config_dir

log = logging.getLogger(__name__)

APP = "omnipos"
KEYRING_SERVICE = "omnipos"
FILE_NAME = "credentials.json"


class Secret:
    """A secret value that does not show itself: ``repr``, ``str`` and ``format`` give
    ``Secret('***')``; ``reveal()`` gives the value. Equal to another Secret with the same value
    (compared in constant time)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not value:
            raise ValueError("a secret is a non-empty string")
        object.__setattr__(self, "_value", value)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(Secret)  # all alike: a hash must not tell the value either

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Secret cannot be changed")

    def __copy__(self) -> "Secret":
        return self  # it cannot change

    def __deepcopy__(self, memo: dict[int, Any]) -> "Secret":
        return self

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled (it would leave the process in clear)")


class CredentialStoreError(Exception):
    """The credential store cannot be read or written (the message names where, never a value)."""


class CredentialStore(Protocol):
    """Where the till keeps its secrets, by name."""

    def get(self, name: str) -> Secret | None: ...

    def put(self, name: str, secret: Secret) -> None: ...

    def delete(self, name: str) -> bool: ...

    def describe(self) -> str:
        """Where the secrets are (for the operator: a keyring's name or a file's path)."""
        ...


class KeyringStore:
    """The system keyring (service "omnipos")."""

    def __init__(self, backend: Any, service: str = KEYRING_SERVICE) -> None:
        self.backend = backend
        self.service = service

    def get(self, name: str) -> Secret | None:
        try:
            value = self.backend.get_password(self.service, name)
        except Exception as e:  # noqa: BLE001 - a locked or broken keyring
            raise CredentialStoreError(f"the keyring ({self.describe()}) cannot be read: "
                                       f"{type(e).__name__}") from None
        return Secret(value) if value else None

    def put(self, name: str, secret: Secret) -> None:
        try:
            self.backend.set_password(self.service, name, secret.reveal())
        except Exception as e:  # noqa: BLE001
            raise CredentialStoreError(f"the keyring ({self.describe()}) cannot be written: "
                                       f"{type(e).__name__}") from None

    def delete(self, name: str) -> bool:
        try:
            if self.backend.get_password(self.service, name) is None:
                return False
            self.backend.delete_password(self.service, name)
        except Exception as e:  # noqa: BLE001
            raise CredentialStoreError(f"the keyring ({self.describe()}) cannot be written: "
                                       f"{type(e).__name__}") from None
        return True

    def describe(self) -> str:
        return f"system keyring {type(self.backend).__module__}.{type(self.backend).__name__}"

    def __repr__(self) -> str:
        return f"KeyringStore({self.describe()!r})"


class FileStore:
    """A JSON file only its user can read and write (0600; its folder is made 0700). Written
    whole to a new file (created 0600, so the secret is never in a file others can read, not even
    for a moment) that then replaces the old one. A file found readable by others is made 0600
    again, with a warning: its secrets may have been read, so the register should be enrolled
    again."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def get(self, name: str) -> Secret | None:
        value = self._read().get(name)
        return Secret(value) if isinstance(value, str) and value else None

    def put(self, name: str, secret: Secret) -> None:
        with self._locked():
            entries = self._read()
            entries[name] = secret.reveal()
            self._write(entries)

    def delete(self, name: str) -> bool:
        with self._locked():
            entries = self._read()
            if name not in entries:
                return False
            del entries[name]
            self._write(entries)
        return True

    def describe(self) -> str:
        return f"file {self.path} (mode 0600)"

    def __repr__(self) -> str:
        return f"FileStore({str(self.path)!r})"

    # --- internals -------------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return {}
        except OSError as e:
            raise CredentialStoreError(f"{self.path} cannot be read: {e.strerror}") from None
        with os.fdopen(fd, "rb") as f:
            self._tighten(f.fileno())
            raw = f.read()
        try:
            data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
        except ValueError:
            raise CredentialStoreError(f"{self.path} is not a credentials file (not JSON)") from None
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            raise CredentialStoreError(f"{self.path} is not a credentials file (no entries)")
        return entries

    def _tighten(self, fd: int) -> None:
        if os.name != "posix":
            return
        mode = stat.S_IMODE(os.fstat(fd).st_mode)
        if mode & 0o077:
            os.fchmod(fd, 0o600)
            log.warning("%s was readable by others (mode %04o): made 0600; enrol this register "
                        "again if others could have read it", self.path, mode)

    def _write(self, entries: dict[str, Any]) -> None:
        folder = self._folder()
        tmp = folder / f".{self.path.name}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        data = json.dumps({"version": 1, "entries": entries}, indent=2, sort_keys=True)
        # 0600 from its first byte (a umask can only take bits away)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def _folder(self) -> Path:
        """The file's folder, made 0700 when it is new (an existing one is left as it is)."""
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        return folder

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One writer at a time (two enrolments at once must not lose one's key)."""
        try:
            import fcntl
        except ImportError:  # not POSIX: the keyring is used there
            yield
            return
        folder = self._folder()
        fd = os.open(folder / f".{self.path.name}.lock", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def config_dir() -> Path:
    """The platform config directory (``$XDG_CONFIG_HOME/omnipos`` or ``~/.config/omnipos`` on
    Linux)."""
    return Path(user_config_dir(APP))


def system_keyring() -> Any | None:
    """The keyring backend the machine offers, or None when it has none that keeps secrets
    (``keyring`` missing, or its choice is the "fail" or "null" backend, as on a server without
    a desktop session; ``PYTHON_KEYRING_BACKEND`` picks one by hand)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a backend that breaks on load is no keyring
        return None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


def default_store(folder: Path | None = None) -> CredentialStore:
    """The system keyring when there is one, else the 0600 file in ``folder`` (default: the
    platform config directory)."""
    backend = system_keyring()
    if backend is not None:
        return KeyringStore(backend)
    return FileStore((folder or config_dir()) / FILE_NAME)
