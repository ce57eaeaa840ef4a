"""The workout's keys, declared once: the Footer, the help screen, the command palette and the
on-screen hints are all made from these bindings."""

from __future__ import annotations

from textual.binding import Binding

from legtimer.live.driver import Command

WORKOUT_KEYS: tuple[Binding, ...] = (
    Binding("space", "command('pause')", "Pause", tooltip="pause / resume", id="pause"),
    Binding("n", "command('skip')", "Next", tooltip="next step (skip this one)", id="skip"),
    Binding(
        "b",
        "command('back')",
        "Back",
        tooltip="back: restart the step, or the previous one if under 3 s in",
        id="back",
    ),
    Binding(
        "enter,d",
        "command('done')",
        "Done",
        key_display="enter/d",
        tooltip="done: end a set that waits for you",
        id="done",
    ),
    Binding(
        "plus,equals_sign",
        "command('more_time')",
        "+10s",
        key_display="+",
        tooltip="add 10 seconds",
        id="more-time",
    ),
    Binding(
        "minus,underscore",
        "command('less_time')",
        "-10s",
        key_display="-",
        tooltip="remove 10 seconds",
        id="less-time",
    ),
    Binding("m", "command('mute')", "Mute", tooltip="sound off / on", id="mute"),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="this help", id="help"),
    Binding("q", "quit_workout", "Quit", tooltip="quit (asks first)", id="quit"),
)
"""In Footer order."""

APP_KEYS = (
    ("ctrl+q", "quit at once (the workout is logged and can be resumed)"),
    ("ctrl+p", "command palette (actions, theme)"),
)
"""Textual's own keys, for the help screen."""


def command_of(action: str) -> Command | None:
    """The driver command a binding's action sends ("command('pause')" -> PAUSE)."""
    if action.startswith("command('") and action.endswith("')"):
        return Command(action[len("command('") : -2])
    return None


def keys_of(binding_id: str) -> str:
    """How a person types a binding, for hints: "Enter or D"."""
    for binding in WORKOUT_KEYS:
        if binding.id == binding_id:
            names = [_key_name(key) for key in binding.key.split(",")]
            return " or ".join(names)
    raise KeyError(binding_id)


def help_lines() -> list[tuple[str, str]]:
    """(keys, what they do) for every key, as the help screen lists them."""
    rows = [(binding.key_display or binding.key, binding.tooltip) for binding in WORKOUT_KEYS]
    return rows + list(APP_KEYS)


def _key_name(key: str) -> str:
    return {"enter": "Enter", "space": "Space"}.get(key, key.upper() if len(key) == 1 else key)
