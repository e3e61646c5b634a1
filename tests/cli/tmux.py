"""A real terminal for the interactive commands' tests: a tmux server of its own, at a given size."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Terminal:
    """A command running in a tmux pane: what it shows, and keys typed into it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.socket = ["tmux", "-L", name]  # a server of its own: never the user's

    def screen(self) -> str:
        """The pane's text now."""
        return subprocess.run(
            [*self.socket, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, tries: int = 100) -> str:
        """The screen once ``text`` is on it (AssertionError, with the screen, after ``tries`` × 0.1 s)."""
        shown = ""
        for _ in range(tries):
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on the screen:\n{shown}")

    def send(self, *answers: str) -> None:
        """Type each answer, then Enter."""
        for answer in answers:
            subprocess.run([*self.socket, "send-keys", "-t", self.name, answer, "Enter"], check=True)


@contextmanager
def terminal(name: str, command: str, width: int = 80, height: int = 24) -> Iterator[Terminal]:
    """``command`` running in a ``width`` × ``height`` tmux pane; the server is killed afterwards."""
    term = Terminal(name)
    subprocess.run(
        [*term.socket, "new-session", "-d", "-x", str(width), "-y", str(height), "-s", name, command], check=True
    )
    try:
        yield term
    finally:
        subprocess.run([*term.socket, "kill-server"], capture_output=True)
