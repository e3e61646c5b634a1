"""Load a candidates file as it was at a git revision, with the criteria file it names."""

from __future__ import annotations

import posixpath
import subprocess
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from partnerfit.contract.models import MissingPolicy
from partnerfit.errors import Diagnostic, InvalidInputError, PartnerfitError
from partnerfit.io.atomic import temporary_folder
from partnerfit.io.document import display_path, read_document
from partnerfit.project.builtin import builtin_path
from partnerfit.project.loading import Project, load


class RevisionError(PartnerfitError):
    """A file could not be read at a git revision: no repository, an unknown revision, or no such file there."""


# --- the diff model ------------------------------------------------------------------------------


def load_at_revision(
    path: str | Path, rev: str, *, missing: MissingPolicy | None = None, weights: Mapping[str, float] | None = None
) -> Project:
    """Load candidates file ``path`` as it was at git revision ``rev`` of the repository holding it.

    The file and, when it names one by relative path, its criteria file are read at ``rev``
    (``git cat-file blob REV:path``) into a temporary folder that mirrors their places in the
    repository, so the criteria reference resolves as it did at that revision; the folder is
    deleted once the project is loaded. A criteria path that leaves the repository, or an
    absolute one, is read from the disk as it is now. Built-in and inline criteria need nothing.
    Diagnostics and ``Project.path`` name the file as ``REV:path/in/repo``. ``weights`` are what-if
    overrides, applied as ``load`` applies them.

    Raises RevisionError when ``path`` is not in a git repository, ``rev`` names no commit, or
    the file does not exist at ``rev``; InvalidInputError when that version does not validate.
    """
    path = Path(path)
    if not rev or rev.startswith("-") or any(ch.isspace() for ch in rev):
        raise RevisionError(f"{rev!r} is not a git revision")
    folder = path.absolute().parent
    shown = display_path(path)
    if not folder.is_dir():
        raise RevisionError(f"{shown}: the folder {display_path(folder)} does not exist")
    prefix = _git(folder, "rev-parse", "--show-prefix", failure=f"{shown} is not in a git repository").strip()
    commit = _git(
        folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", failure=f"unknown git revision {rev!r}"
    ).strip()
    in_repo = posixpath.normpath(prefix + path.name)
    with temporary_folder(prefix="partnerfit-rev-") as tmp:  # deleted on SIGTERM, SIGINT and SIGHUP too
        root = Path(tmp)
        target = _materialise(folder, commit, rev, in_repo, root, f"{shown} does not exist at revision {rev!r}")
        shown_as = {display_path(target): f"{rev}:{in_repo}"}
        override: Path | None = None
        ref = _criteria_ref(target)
        if ref is not None:
            crit_in_repo = posixpath.normpath(posixpath.join(posixpath.dirname(in_repo), ref.replace("\\", "/")))
            if crit_in_repo == ".." or crit_in_repo.startswith("../"):
                override = folder / ref  # outside the repository: read from the disk as it is now
            else:
                looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
                try:
                    crit_target = _materialise(
                        folder,
                        commit,
                        rev,
                        crit_in_repo,
                        root,
                        f"the criteria file {ref!r} named by {shown} does not exist at revision {rev!r}",
                    )
                    shown_as[display_path(crit_target)] = f"{rev}:{crit_in_repo}"
                except RevisionError:
                    if looks_like_path:
                        raise
                    # not a file at that revision: load reports the unknown set name
        try:
            project = load(target, missing=missing, criteria=override, weights=weights, criteria_named_in_file=True)
        except InvalidInputError as exc:
            raise InvalidInputError([_renamed(d, shown_as) for d in exc.diagnostics]) from None
        criteria = project.criteria
        if override is not None and ref is not None:
            criteria = replace(criteria, source=ref)  # as the file names it, not the path it was read from
        elif criteria.path is not None and Path(tmp) in criteria.path.absolute().parents:
            criteria = replace(criteria, path=None)  # that copy is about to be deleted
        return replace(
            project,
            path=f"{rev}:{in_repo}",
            criteria=criteria,
            warnings=tuple(_renamed(d, shown_as) for d in project.warnings),
        )


def _renamed(diagnostic: Diagnostic, shown_as: Mapping[str, str]) -> Diagnostic:
    """The diagnostic naming ``REV:path`` instead of the temporary copy it was read from."""
    for temporary, name in shown_as.items():  # in the message and its template: the French text keeps the rename
        diagnostic = diagnostic.replacing(temporary, name)
    return replace(diagnostic, file=shown_as.get(diagnostic.file, diagnostic.file))


def _criteria_ref(copy: Path) -> str | None:
    """The criteria file a candidates file names by path (None: built in, inline, or unreadable)."""
    try:
        data = read_document(copy).data
    except InvalidInputError:
        return None  # load reports it
    ref = data.get("criteria") if isinstance(data, dict) else None
    if not isinstance(ref, str) or not ref or Path(ref).is_absolute():
        return None
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
    if builtin_path(ref) is not None and not looks_like_path:
        return None
    return ref


def _materialise(folder: Path, commit: str, rev: str, in_repo: str, root: Path, absent: str) -> Path:
    """Write the blob at ``commit:in_repo`` to ``root / in_repo``; RevisionError(absent) if there is none."""
    spec = f"{commit}:{in_repo}"
    kind = _git(folder, "cat-file", "-t", spec, failure=absent).strip()
    if kind != "blob":
        raise RevisionError(f"{absent} (at {rev}:{in_repo} there is a {kind}, not a file)")
    content = _git_bytes(folder, "cat-file", "blob", spec, failure=absent)
    target = root / in_repo
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


def _git(folder: Path, *args: str, failure: str) -> str:
    return _git_bytes(folder, *args, failure=failure).decode("utf-8", "replace")


def _git_bytes(folder: Path, *args: str, failure: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError(f"{failure}: git is not installed (or not on PATH)") from None
    except OSError as exc:
        raise RevisionError(f"{failure}: cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f" (git: {said[0]})" if said else ""
        raise RevisionError(f"{failure}{detail}")
    return done.stdout
