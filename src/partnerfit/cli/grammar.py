"""One grammar for every command's misuse: click's usage errors worded once, in the user's language, exit 2."""

from __future__ import annotations

import difflib
import enum
import os
import re
import typing
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.core import Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperGroup

EXIT_MISUSE = 2
_ARGV = "partnerfit.argv"
_NO_COMMAND = re.compile(r"No such command '(.*?)'")
_EXTRA = re.compile(r"unexpected extra argument(?:s|\(s\))? \((.*)\)")
_PATH = re.compile(r"'(.*)' (does not exist|is a directory|is a file|is not readable)")
_PATH_KEYS = {
    "does not exist": "usage_path_missing",
    "is a directory": "usage_path_directory",
    "is a file": "usage_path_file",
    "is not readable": "usage_path_unreadable",
}
_RANGE_ERRORS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


class Misuse(ClickException):
    """A usage error already worded: ``error: …`` on stderr, a hint line, exit 2."""

    exit_code = EXIT_MISUSE

    def __init__(self, message: str, hint: str = "") -> None:
        """``message`` is the whole error text, ``hint`` the line under it (may be empty)."""
        super().__init__(message)
        self.hint = hint

    def show(self, file: Any = None) -> None:
        """Print the error line and the hint on stderr (controls escaped: the line may echo a value)."""
        from partnerfit.render.sanitize import terminal

        typer.echo(f"error: {terminal(self.message)}", err=True)
        if self.hint:
            typer.echo(terminal(self.hint), err=True)


class Group(TyperGroup):
    """The partnerfit group: every usage error of the group or a command becomes a ``Misuse``."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Context:
        """The group's context, with the arguments kept (the language of later errors is read from them)."""
        argv = list(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise misuse(exc, argv) from None
        ctx.meta[_ARGV] = argv
        return ctx

    def invoke(self, ctx: Context) -> Any:
        """Run the command; a usage error met parsing its arguments or running it is worded here."""
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise misuse(exc, ctx.meta.get(_ARGV, [])) from None


def argv_language(argv: Sequence[str]) -> str:
    """The language ``--lang``/``-l`` names in ``argv``, else PARTNERFIT_LANG, else the locale, else English."""
    from partnerfit.i18n.language import choose_language, language_of

    for i, token in enumerate(argv):
        if token == "--":
            break
        value = None
        if token in ("--lang", "-l") and i + 1 < len(argv):
            value = argv[i + 1]
        elif token.startswith("--lang="):
            value = token.removeprefix("--lang=")
        elif token.startswith("-l") and len(token) > 2:
            value = token[2:]
        if value is not None and language_of(value):
            return str(language_of(value))
    return choose_language(os.environ).lang


def misuse(exc: UsageError, argv: Sequence[str]) -> Misuse:
    """``exc`` in partnerfit's words and the language of ``argv``."""
    from partnerfit.i18n import t

    lang = argv_language(argv)
    hint = t("usage_see_help", lang, command=_command_path(exc.ctx)) if exc.ctx is not None else ""
    return Misuse(_wording(exc, lang), hint)


def _command_path(ctx: Any) -> str:
    """``partnerfit score``: the command's path under the program's own name (not how Python was run)."""
    names = []
    while ctx is not None:
        names.append(ctx.info_name if ctx.parent is not None else "partnerfit")
        ctx = ctx.parent
    return " ".join(reversed(names))


def _wording(exc: UsageError, lang: str) -> str:
    from partnerfit.i18n import t

    if isinstance(exc, NoSuchOption):
        return t("usage_unknown_option", lang, option=exc.option_name) + _did_you_mean(
            exc.option_name, exc.possibilities or _options_of(exc.ctx), lang
        )
    if isinstance(exc, MissingParameter):
        return _missing(exc, lang)
    if isinstance(exc, BadOptionUsage) and "requires" in exc.message:
        return t("usage_needs_value", lang, option=exc.option_name)
    if isinstance(exc, BadParameter):
        return _bad_value(exc, lang)
    command = _NO_COMMAND.search(exc.message)
    if command is not None and exc.ctx is not None:
        names = list(getattr(exc.ctx.command, "commands", {}))
        return t("usage_unknown_command", lang, name=repr(command.group(1))) + _did_you_mean(
            command.group(1), names, lang
        )
    extra = _EXTRA.search(exc.message)
    if extra is not None:
        return t("usage_extra_arguments", lang, values=extra.group(1))
    return exc.message


def _missing(exc: MissingParameter, lang: str) -> str:
    from partnerfit.i18n import t

    param = exc.param
    if param is None:
        return exc.message
    if exc.param_type == "option" or param.param_type_name == "option":
        return t("usage_missing_option", lang, option=param.opts[0])
    return t("usage_missing_argument", lang, name=_name(param))


def _name(param: Any) -> str:
    """How a parameter is named to the user: an option's long name, an argument's metavar."""
    if param.param_type_name == "option":
        return str(param.opts[0])
    return str(param.metavar or param.name.upper())


def _bad_value(exc: BadParameter, lang: str) -> str:
    """An option's or argument's value it could not take: what it expects, and the value found."""
    from partnerfit.i18n import t

    param = exc.param
    if param is None:
        return exc.message
    name = _name(param)
    error = _pydantic_error(exc)
    kind = _annotation(param)
    if error is not None and isinstance(kind, type) and issubclass(kind, enum.Enum):
        value = str(error.get("input", ""))
        choices = [str(member.value) for member in kind]
        return t("usage_unknown_value", lang, option=name, value=repr(value), choices=", ".join(choices)) + (
            _did_you_mean(value, choices, lang)
        )
    if error is not None and kind in (int, float):
        return _bad_number(name, param, kind, error, lang)
    path = _PATH.search(exc.message)
    if path is not None:
        return t(_PATH_KEYS[path.group(2)], lang, name=name, path=repr(path.group(1)))
    return f"{name}: {exc.message}"


def _bad_number(name: str, param: Any, kind: type, error: dict[str, Any], lang: str) -> str:
    from partnerfit.i18n import t

    low, high = getattr(param, "min", None), getattr(param, "max", None)
    whole = kind is int
    if error.get("type") not in _RANGE_ERRORS:
        low = high = None  # not a number at all: say which kind of number, not its bounds
    if low is not None and high is not None:
        key = "usage_whole_between" if whole else "usage_number_between"
    elif low is not None:
        key = "usage_whole_at_least" if whole else "usage_number_at_least"
    elif high is not None:
        key = "usage_whole_at_most" if whole else "usage_number_at_most"
    else:
        key = "usage_whole" if whole else "usage_number"
    return t(key, lang, option=name, low=_shown(low), high=_shown(high), value=_found(error.get("input")))


def _shown(bound: object) -> str:
    return f"{bound:g}" if isinstance(bound, float) else str(bound)


def _found(value: object) -> str:
    """The value as typed: a number plainly (``0``), any other text quoted (``'abc'``)."""
    from partnerfit.numbers import read_number

    text = str(value)
    return text if read_number(text) is not None else repr(text)


def _pydantic_error(exc: BadParameter) -> dict[str, Any] | None:
    """The first error of the pydantic validation typer converts values with, if that is what failed."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return None
    found = errors()
    return dict(found[0]) if found else None


def _annotation(param: Any) -> Any:
    """The Python type a parameter converts to (the item type of a repeatable option)."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    if typing.get_origin(annotation) in (list, tuple):
        args = typing.get_args(annotation)
        return args[0] if args else None
    return annotation


def _options_of(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    return [opt for param in ctx.command.params for opt in param.opts if opt.startswith("--")]


def _did_you_mean(value: str, choices: Sequence[str], lang: str) -> str:
    from partnerfit.i18n import t

    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return t("usage_did_you_mean", lang, choice=repr(close[0])) if close else ""
