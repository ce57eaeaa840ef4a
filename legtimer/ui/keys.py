"""The workout's keys, declared once: the Footer, the help screen, the command palette and the
on-screen hints are all made from these bindings.

A key whose label follows the state (Pause / Resume, Mute / Unmute) is declared twice: the plain
binding, and a twin whose action carries the state it is shown in (``command('pause', 'paused')``).
The screen's ``check_action`` shows exactly one of the two; the help lists only the plain one.
"""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding

from legtimer.live.clicker import CLICKER_KEYS, Intent
from legtimer.live.driver import OFFER_COMMANDS, Command

WORKOUT_KEYS: tuple[Binding, ...] = (
    Binding("space", "command('pause')", "Pause", tooltip="pause / resume", id="pause"),
    Binding("space", "command('pause', 'paused')", "Resume", tooltip="resume", id="resume"),
    # A rest that ran out waits for the person (rest_until_ready): Space then means "ready".
    Binding("space", "command('pause', 'waiting')", "Ready", tooltip="go on: ready", id="ready"),
    Binding("q", "quit_workout", "Quit", tooltip="quit (asks first)", id="quit"),
    # y and n answer "try the harder variant?" and exist only while it is asked: n is Next
    # again as soon as it is answered (its binding comes first, so it wins while it applies).
    # Only one question is asked at a time, so the two y bindings never both apply.
    Binding(
        "y",
        "command('accept_harder')",
        "Yes, harder",
        tooltip="yes to the harder variant offered: yours from now on",
        id="accept-harder",
    ),
    # After v brought a moved-up slot back to its own exercise, y keeps it so from now on.
    Binding(
        "y",
        "command('move_down')",
        "From now on",
        tooltip="after v went back from your harder variant: keep the exercise from now on",
        id="move-down",
    ),
    Binding(
        "n",
        "command('decline_harder')",
        "Not yet",
        tooltip="no to the harder variant offered (asked again in 3 sessions)",
        id="decline-harder",
    ),
    Binding("n", "command('skip')", "Next", tooltip="next step (skip this one)", id="skip"),
    Binding(
        "backspace",
        "command('back')",
        "Back",
        key_display="backspace",
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
        show=False,
    ),
    Binding(
        "minus,underscore",
        "command('less_time')",
        "-10s",
        key_display="-",
        tooltip="remove 10 seconds",
        id="less-time",
        show=False,
    ),
    Binding("m", "command('mute')", "Mute", tooltip="sound off / on", id="mute"),
    Binding("m", "command('mute', 'muted')", "Unmute", tooltip="sound on", id="unmute"),
    Binding(
        "v",
        "command('variant')",
        "Variant",
        tooltip="before an exercise with variants: do another of them today",
        id="variant",
        show=False,
    ),
    Binding(
        "e",
        "equipment",
        "Equipment",
        tooltip="on the first get-ready: what equipment is missing today (swaps follow)",
        id="equipment",
        show=False,
    ),
    Binding(
        "up",
        "correct(1)",
        "Reps +1",
        key_display="↑",
        tooltip="in the rest after a rep set: one rep more / fewer for it",
        id="reps-up",
        show=False,
    ),
    Binding(
        "down",
        "correct(-1)",
        "Reps -1",
        key_display="↓",
        tooltip="in the rest after a rep set: one rep more / fewer for it",
        id="reps-down",
        show=False,
    ),
    *(
        Binding(
            str(digit),
            f"digit({digit})",
            "Type reps",
            key_display="0-9",
            tooltip="type the reps done: in that rest, or in a manual set (then enter)",
            id=f"digit-{digit}",
            show=False,
        )
        for digit in range(10)
    ),
    Binding(
        "l",
        "load",
        "Load",
        tooltip="in a rest or get-ready: today's load of the next exercise",
        id="load",
        show=False,
    ),
    Binding(
        "r",
        "remote",
        "Phone",
        tooltip="the phone remote's code and link (with --remote)",
        id="remote",
        show=False,
    ),
    Binding(
        "R",
        "revoke",
        "Revoke",
        key_display="R",
        tooltip="revoke the phone link: a new one; every phone disconnects",
        id="revoke",
        show=False,
    ),
    Binding(
        "c", "cue", "Cue", tooltip="the whole form cue, and the easier and harder options", id="cue"
    ),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="this help", id="help"),
)
"""In Footer order: Pause and Quit first, so a narrow terminal still shows them."""

CLICKER_WORDS: dict[Intent, str] = {
    Intent.NEXT: "clicker next: done where the workout waits for you (never a skip)",
    Intent.PAUSE: "clicker (black screen, start/stop, previous): pause / resume",
}
"""What each kind of clicker button does, for the help."""

_CLICKER_DISPLAY = {"full_stop": ".", "escape": "esc"}

CLICKER_BINDINGS: tuple[Binding, ...] = tuple(
    Binding(
        key,
        f"clicker('{key}')",
        "Clicker",
        key_display=_CLICKER_DISPLAY.get(key, key),
        tooltip=CLICKER_WORDS[intent],
        id=f"clicker-{key}",
        show=False,
    )
    for key, intent in CLICKER_KEYS.items()
)
"""A presenter clicker's keys, one binding each: ``legtimer.live.clicker`` decides what they do.

Not in the palette (they repeat Pause and Done); in the help, grouped by what they do."""

STATES = ("paused", "waiting", "muted")
"""The states a twin binding can be shown in."""

APP_KEYS = (
    ("ctrl+q", "quit at once (the workout is logged and can be resumed)"),
    ("ctrl+p", "command palette (actions, theme)"),
)
"""Textual's own keys, for the help screen."""


def command_of(action: str) -> Command | None:
    """The driver command a binding's action sends ("command('pause')" -> PAUSE)."""
    name, parameters = split_action(action)
    if name == "command" and parameters:
        return Command(str(parameters[0]))
    return None


def split_action(action: str) -> tuple[str, tuple[object, ...]]:
    """ "command('pause', 'paused')" -> ("command", ("pause", "paused"))."""
    _, name, parameters = parse(action)
    return name, tuple(parameters)


def is_twin(binding: Binding) -> bool:
    """A binding that only relabels another for a state (Resume, Unmute)."""
    return len(split_action(binding.action)[1]) > 1


def keys_of(binding_id: str) -> str:
    """How a person types a binding, for hints: "Enter or D"."""
    for binding in WORKOUT_KEYS:
        if binding.id == binding_id:
            names = [_key_name(key) for key in binding.key.split(",")]
            return " or ".join(names)
    raise KeyError(binding_id)


ANSWER_IDS = frozenset(
    binding.id for binding in WORKOUT_KEYS if command_of(binding.action) in OFFER_COMMANDS
)
"""Keys that answer a question only sometimes asked: the help lists them after the others."""


def help_lines() -> list[tuple[str, str]]:
    """(keys, what they do) for every key, as the help screen lists them.

    Keys that do the same thing (the digits, a clicker's pause buttons) share one row.
    """
    rows: dict[str, list[str]] = {}
    everyday = sorted(WORKOUT_KEYS, key=lambda binding: binding.id in ANSWER_IDS)
    for binding in (*everyday, *CLICKER_BINDINGS):
        if is_twin(binding):
            continue
        keys = rows.setdefault(binding.tooltip, [])
        shown = binding.key_display or binding.key
        if shown not in keys:
            keys.append(shown)
    return [("/".join(keys), what) for what, keys in rows.items()] + list(APP_KEYS)


def _key_name(key: str) -> str:
    return {"enter": "Enter", "space": "Space"}.get(key, key.upper() if len(key) == 1 else key)
