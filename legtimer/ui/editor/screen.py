"""The editor screen: the entry list, the selected entry's form, the routine and its defaults.

It owns the draft, checks it once per change, keeps the undo history, and sends what the person
asks for (save, try, quit) up to the app as messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Checkbox,
    Footer,
    Input,
    OptionList,
    Select,
    Static,
    TextArea,
)

from legtimer.core.durations import format_clock
from legtimer.core.errors import Problem
from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine, Section
from legtimer.ui.editor.commands import EditorCommands
from legtimer.ui.editor.draft import (
    DEFAULTS_FORM,
    ITEM_FORM,
    ROUTINE_FORM,
    SCOPE_OF_TABLE,
    Draft,
    FieldRef,
    Scope,
)
from legtimer.ui.editor.fields import FieldWidget, field_row, make_widget, show_value
from legtimer.ui.editor.messages import QuitRequested, RoutineSaved, SaveRequested, TryRequested
from legtimer.ui.editor.undo import Undo

TOTAL_DELAY = 0.15
"""Seconds after the last change before the total is planned again."""


def plural(count: int, word: str) -> str:
    """ "1 problem", "2 problems"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class ItemList(OptionList):
    """The warm-up, exercise and cool-down entries; list keys act on the highlighted one.

    An OptionList draws its lines itself, so a 1,000-entry routine is one widget, not 2,000:
    renaming an entry then costs one line, not a layout of the whole list.
    """

    BINDINGS = [
        Binding("a", "screen.add_item", "Add"),
        Binding("w", "screen.add_section('warmup')", "+Warm-up"),
        Binding("e", "screen.add_section('exercise')", "+Exercise"),
        Binding("o", "screen.add_section('cooldown')", "+Cool-down"),
        Binding("c", "screen.duplicate_item", "Copy"),
        Binding("x,delete", "screen.delete_item", "Delete"),
        Binding("K,ctrl+up", "screen.move_item(-1)", "Up"),
        Binding("J,ctrl+down", "screen.move_item(1)", "Down"),
        Binding("right", "screen.focus_form", "Form", show=False),
    ]


class EditorScreen(Screen[None]):
    """Edits one routine's draft; saving, trying and quitting are asked of the app."""

    AUTO_FOCUS = "#items"
    COMMANDS = Screen.COMMANDS | {EditorCommands}
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+t", "try_it", "Try it"),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", priority=True),
        Binding("escape", "quit", "Quit"),
    ]

    def __init__(self, routine: Routine, path: Path, note: str = "") -> None:
        super().__init__()
        self.draft = Draft.from_routine(routine)
        self.path = path
        self.note = note
        self.current = 0 if self.draft.items else -1
        self.routine: Routine | None = None
        self.problems: list[Problem] = []
        self.undo_history = Undo(self.draft)
        self._saved_data = self.draft.data()
        self._sent_data: dict[str, Any] | None = None
        self._data = self._saved_data
        self._widgets: dict[FieldRef, FieldWidget] = {}
        self._error_lines: list[Static] = []
        self._total_timer: Timer | None = None

    @property
    def dirty(self) -> bool:
        """True when the draft differs from what was last saved (or loaded)."""
        return self._data != self._saved_data

    def compose(self) -> ComposeResult:
        """List, then the selected entry's form, then routine and defaults: also the Tab order."""
        yield Static(self._title(), id="editor-title", markup=False)
        with Grid(id="editor"):
            with VerticalScroll(id="editor-left", can_focus=False):
                yield Static(
                    "ENTRIES  a add · w/e/o add warm-up/exercise/cool-down · c copy · "
                    "x delete · K/J move · enter edit",
                    classes="section-title",
                )
                yield ItemList(*self._list_items(), id="items")
            with VerticalScroll(id="editor-form", can_focus=False):
                yield Static("", id="form-title", markup=False)
                yield Static("", id="form-error", classes="error -empty", markup=False)
                for ref in ITEM_FORM:
                    yield field_row(self._make(ref))
            with VerticalScroll(id="editor-settings", can_focus=False):
                yield Static("ROUTINE", classes="section-title")
                for ref in ROUTINE_FORM:
                    yield field_row(self._make(ref))
                yield Static(
                    "DEFAULTS (every exercise, unless it says otherwise)", classes="section-title"
                )
                for ref in DEFAULTS_FORM:
                    yield field_row(self._make(ref))
        yield Static("", id="editor-status", markup=False)
        yield Footer()

    def _title(self) -> str:
        return f"Editing {self.path}{self.note}"

    def _list_items(self) -> list[Content]:
        return [Content(item.label()) for item in self.draft.items]

    def _make(self, ref: FieldRef) -> FieldWidget:
        raw = self.draft.raw(ref.scope, self._selected())
        widget = self._widgets[ref] = make_widget(ref, raw.get(ref.key, "") if raw else "")
        return widget

    def _widget(self, ref: FieldRef) -> FieldWidget:
        return self._widgets[ref]

    def on_mount(self) -> None:
        """Select the first entry and check everything once."""
        items = self.query_one("#items", ItemList)
        if self.draft.items:
            items.highlighted = 0
        self.load_form()
        self.revalidate()

    # ---- keeping the draft in step with the widgets ------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    @on(Select.Changed)
    def _field_changed(
        self, event: Input.Changed | TextArea.Changed | Checkbox.Changed | Select.Changed
    ) -> None:
        """A person changed a field: store it (one undo step per field) and re-check."""
        widget = event.control
        ref: FieldRef | None = getattr(widget, "ref", None)
        if ref is None:
            return
        value = _value_of(widget)
        if isinstance(event, Input.Changed) and event.value != value:
            return  # stale: the form has moved to another entry since (its value was flushed)
        self._store(ref, value)

    def _store(self, ref: FieldRef, value: Any) -> None:
        index = self.current if ref.scope is Scope.ITEM else None
        raw = self.draft.raw(ref.scope, index)
        if raw is None or raw.get(ref.key) == value:
            return
        self.undo_history.before_change(typing_in=(ref, index))
        self.draft.set(ref, index, value)
        if ref.scope is Scope.ITEM and ref.key == "name":
            self._relabel(self.current)
        self.revalidate()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Moving in the list shows that entry's form."""
        index = event.option_index
        if index != self.current:
            self._flush_form()
            self.current = index
            self.load_form()
            self.show_problems()

    def _flush_form(self) -> None:
        """Store what the form shows into the entry it belongs to, before showing another.

        Changed messages are queued: a fast typist can move to the next entry before the last
        keystrokes' messages arrive, and they must not land on the entry shown by then.
        """
        if self._selected() is None:
            return
        for ref in ITEM_FORM:
            self._store(ref, _value_of(self._widget(ref)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an entry goes to its first field."""
        self.action_focus_form()

    def action_focus_form(self) -> None:
        """→ / Enter: edit the selected entry, starting at its name."""
        if self._selected() is not None:
            self._widget(ITEM_FORM[0]).focus()

    def load_settings(self) -> None:
        """Show the routine's and the defaults' values."""
        for ref in (*ROUTINE_FORM, *DEFAULTS_FORM):
            raw = self.draft.raw(ref.scope, None)
            show_value(self._widget(ref), raw.get(ref.key, "") if raw is not None else "")

    def load_form(self) -> None:
        """Fill the form from the selected entry (or hide it when the list is empty)."""
        form = self.query_one("#editor-form")
        index = self._selected()
        if index is None:
            form.display = False
            return
        form.display = True
        item = self.draft.items[index]
        self.query_one("#form-title", Static).update(item.label())
        for ref in ITEM_FORM:
            show_value(self._widget(ref), item.raw.get(ref.key, ""))

    def _relabel(self, index: int) -> None:
        items = self.query_one("#items", ItemList)
        if 0 <= index < items.option_count:
            label = self.draft.items[index].label()
            items.replace_option_prompt_at_index(index, Content(label))
            if index == self.current:
                self.query_one("#form-title", Static).update(label)

    async def rebuild_list(self, select: int, focus_name: bool = False) -> None:
        """Redraw the list after a list edit or an undo, and select ``select``."""
        items = self.query_one("#items", ItemList)
        items.set_options(self._list_items())
        self.current = select
        if 0 <= select < len(self.draft.items):
            items.highlighted = select
        self.load_form()
        self.revalidate()
        name = self._widget(ITEM_FORM[0])
        if focus_name and 0 <= select < len(self.draft.items) and isinstance(name, Input):
            # A new entry: its placeholder name is selected, so typing replaces it.
            name.focus()
            name.select_all()
        else:
            items.focus()

    # ---- checking ----------------------------------------------------------------------------

    def revalidate(self) -> None:
        """Check the draft once; show each problem beside its field, and the total."""
        self._data = self.draft.data()
        self.routine, self.problems = self.draft.check(self._data, str(self.path))
        self.show_problems()
        status = self.query_one("#editor-status", Static)
        if self.routine is not None:
            # Planning a long routine takes longer than a keystroke may: do it once typing
            # pauses (and at once the first time, so the total is there from the start).
            if self._total_timer is not None:
                self._total_timer.stop()
            if self.is_mounted and str(status.render()).startswith("Total"):
                self._total_timer = self.set_timer(TOTAL_DELAY, self.show_total)
            else:
                self.show_total()
        else:
            first = self.problems[0]
            where = f"{first.where}: " if first.where else ""
            status.update(
                f"{plural(len(self.problems), 'problem')}, save is off: {where}{first.message}"
            )
            status.set_class(True, "-bad")

    def show_total(self) -> None:
        """The status line for a valid draft: its planned length, and whether it is saved."""
        self._total_timer = None
        if self.routine is None:
            return
        plan = compile_plan(self.routine)
        dirty = " · unsaved changes" if self.dirty else ""
        status = self.query_one("#editor-status", Static)
        status.update(
            f"Total {format_clock(plan.total)} · {plural(len(plan.steps), 'step')} · "
            f"no problems{dirty}"
        )
        status.set_class(False, "-bad")

    def _target(self, problem: Problem, current: tuple[str, int] | None) -> str | None:
        """The id of the error line a problem belongs under (None: not shown on this form)."""
        table = problem.table
        if table is None:
            return None
        scope = SCOPE_OF_TABLE.get(table[0])
        if scope is None:
            if table != current:
                return None
            scope = Scope.ITEM
        if problem.key is None:
            return "form-error"
        return f"{scope.value}-{problem.key}-error"

    def _errors(self) -> list[Static]:
        """The error lines, found once (a query walks every widget of the screen)."""
        if not self._error_lines:
            self._error_lines = list(self.query(".error").results(Static))
        return self._error_lines

    def show_problems(self) -> None:
        """Error lines under the fields they are about."""
        index = self._selected()
        current = self.draft.position(index) if index is not None else None
        messages: dict[str, list[str]] = {}
        for problem in self.problems:
            target = self._target(problem, current)
            if target is not None:
                messages.setdefault(target, []).append(problem.message)
        for error in self._errors():
            text = "\n".join(messages.get(error.id or "", []))
            if text != str(error.render()) or error.has_class("-empty") != (not text):
                error.update(text)
                error.set_class(not text, "-empty")

    def field_errors(self) -> dict[str, str]:
        """Widget id -> the error shown under it ("form-error" for the entry as a whole)."""
        shown = {}
        for error in self._errors():
            if not error.has_class("-empty"):
                name = error.id or ""
                shown[name if name == "form-error" else name.removesuffix("-error")] = str(
                    error.render()
                )
        return shown

    # ---- asking the app ----------------------------------------------------------------------

    def action_save(self) -> None:
        """ctrl+s: ask the app to save, unless something is invalid."""
        if self.routine is None:
            first = self.problems[0]
            where = f"{first.where}: " if first.where else ""
            self.notify(
                f"Not saved: {plural(len(self.problems), 'problem')} to fix first. "
                f"{where}{first.message}",
                severity="error",
                markup=False,
            )
            return
        self._sent_data = self._data
        self.post_message(SaveRequested(self.routine))

    def on_routine_saved(self, message: RoutineSaved) -> None:
        """The app saved what was sent: that is now the clean state."""
        if self._sent_data is not None:
            self._saved_data = self._sent_data
        self.path, self.note = message.path, ""
        self.query_one("#editor-title", Static).update(self._title())
        self.revalidate()

    def action_try_it(self) -> None:
        """ctrl+t: ask the app to run the routine as it stands."""
        if self.routine is None:
            self.notify("Fix the problems first, then try it.", severity="error")
            return
        self.post_message(TryRequested(self.routine))

    def action_quit(self) -> None:
        """esc / ctrl+q: ask the app to leave (it asks first when there are unsaved changes)."""
        self.post_message(QuitRequested(self.dirty))

    # ---- list actions and undo ---------------------------------------------------------------

    def _selected(self) -> int | None:
        return self.current if 0 <= self.current < len(self.draft.items) else None

    async def action_add_item(self) -> None:
        """a: a new entry after the selected one, in the same section."""
        self.undo_history.before_change()
        await self.rebuild_list(self.draft.add(self._selected()), focus_name=True)

    async def action_add_section(self, section: str) -> None:
        """w / e / o: a new warm-up, exercise or cool-down entry, whatever is selected."""
        self.undo_history.before_change()
        await self.rebuild_list(self.draft.add(None, Section(section)), focus_name=True)

    async def action_duplicate_item(self) -> None:
        """c: a copy of the selected entry."""
        index = self._selected()
        if index is not None:
            self.undo_history.before_change()
            await self.rebuild_list(self.draft.duplicate(index))

    async def action_delete_item(self) -> None:
        """x: remove the selected entry (undoable)."""
        index = self._selected()
        if index is not None:
            name = self.draft.items[index].name()
            self.undo_history.before_change()
            await self.rebuild_list(self.draft.delete(index))
            self.notify(f"Deleted {name} · ctrl+z to undo", markup=False)

    async def action_move_item(self, step: int) -> None:
        """K / J: move the selected entry up or down within its section."""
        index = self._selected()
        if index is not None:
            self.undo_history.before_change()
            await self.rebuild_list(self.draft.move(index, step))

    async def action_undo(self) -> None:
        """ctrl+z: undo the last change to the draft."""
        if self.undo_history.undo():
            await self._after_history()
        else:
            self.notify("Nothing to undo")

    async def action_redo(self) -> None:
        """ctrl+y: redo what was undone."""
        if self.undo_history.redo():
            await self._after_history()
        else:
            self.notify("Nothing to redo")

    async def _after_history(self) -> None:
        focused = self.focused
        self.load_settings()
        select = min(max(self.current, 0), len(self.draft.items) - 1)
        await self.rebuild_list(select)
        if focused is not None and focused.is_attached and focused.display:
            focused.focus()


def _value_of(widget: object) -> Any:
    """What a form widget holds right now, as the draft stores it."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, Select):
        return str(widget.value)
    if isinstance(widget, Input):
        return widget.value
    return None
