"""The editor screen: routine fields and defaults, the exercise list, and the selected form."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Input, Label, ListItem, ListView, Select, Static

from legtimer.core.durations import format_clock
from legtimer.core.errors import Problem
from legtimer.core.plan import compile_plan
from legtimer.core.routine import SETTING_NAMES, Routine
from legtimer.ui.editor.draft import (
    EXERCISE_FIELDS,
    HEAD_FIELDS,
    SETTING_KINDS,
    SETTING_LABELS,
    Draft,
)
from legtimer.ui.editor.fields import field_row, set_widget_value
from legtimer.ui.text import plain


class ItemList(ListView):
    """The warm-up, exercise and cool-down entries; list keys act on the highlighted one."""

    BINDINGS = [
        Binding("a", "screen.add_item", "Add"),
        Binding("c", "screen.duplicate_item", "Copy"),
        Binding("x,delete", "screen.delete_item", "Delete"),
        Binding("K,ctrl+up", "screen.move_item(-1)", "Up"),
        Binding("J,ctrl+down", "screen.move_item(1)", "Down"),
    ]


class EditorScreen(Screen[None]):
    """Edits a Draft; the app owns saving, trying and quitting."""

    AUTO_FOCUS = "#items"

    BINDINGS = [
        Binding("ctrl+s", "app.save", "Save"),
        Binding("ctrl+t", "app.try_it", "Try it"),
        Binding("escape", "app.quit_editor", "Quit"),
    ]

    def __init__(self, draft: Draft, title: str) -> None:
        super().__init__()
        self.draft = draft
        self.title_text = title
        self.current = 0 if draft.items else -1
        self.routine: Routine | None = None
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        """Left: the list, the routine, its defaults. Right: the selected entry's form."""
        yield Static(plain(self.title_text), id="editor-title")
        with Horizontal(id="editor"):
            with VerticalScroll(id="editor-left"):
                yield Static(
                    "EXERCISES  a add · c copy · x delete · K/J move", classes="section-title"
                )
                yield ItemList(*self._list_items(), id="items")
                yield Static("ROUTINE", classes="section-title")
                for key, label, kind in HEAD_FIELDS:
                    yield field_row("r-", key, label, kind, self.draft.head.get(key, ""))
                yield Static(
                    "DEFAULTS (every exercise, unless it says otherwise)", classes="section-title"
                )
                for key in SETTING_NAMES:
                    yield field_row(
                        "d-",
                        key,
                        SETTING_LABELS[key],
                        SETTING_KINDS[key],
                        self.draft.defaults.get(key, ""),
                        allow_default=False,
                    )
            with VerticalScroll(id="editor-form"):
                yield Static("", id="form-title")
                yield Static("", id="form-error", classes="error -empty", markup=False)
                for key, label, kind in EXERCISE_FIELDS:
                    hint = "from defaults" if key in SETTING_KINDS else ""
                    yield field_row("f-", key, label, kind, "", placeholder=hint)
        yield Static("", id="editor-status")
        yield Footer()

    def _list_items(self) -> list[ListItem]:
        return [ListItem(Label(plain(item.label()))) for item in self.draft.items]

    def on_mount(self) -> None:
        """Show the first entry and check everything once."""
        items = self.query_one("#items", ItemList)
        if self.draft.items:
            items.index = 0
        self.load_form()
        self.revalidate()

    # ---- keeping the draft in step with the widgets ------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing updates the draft and re-checks it."""
        self._store(event.input, event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """A checkbox updates the draft."""
        self._store(event.checkbox, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice updates the draft."""
        self._store(event.select, str(event.value))

    def _store(self, widget: Widget, value: Any) -> None:
        widget_id = widget.id or ""
        prefix, key = widget_id[:2], widget_id[2:]
        if prefix == "r-":
            target = self.draft.head
        elif prefix == "d-":
            target = self.draft.defaults
        elif prefix == "f-" and 0 <= self.current < len(self.draft.items):
            target = self.draft.items[self.current].raw
        else:
            return
        if target.get(key) == value:
            return
        target[key] = value
        if prefix == "f-" and key == "name":
            self._relabel(self.current)
        self.revalidate()

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        """Moving in the list shows that entry's form."""
        index = event.list_view.index
        if index is not None and index != self.current:
            self.current = index
            self.load_form()
            self.show_problems()

    def load_form(self) -> None:
        """Fill the form from the selected entry (or hide it when the list is empty)."""
        form = self.query_one("#editor-form")
        if not 0 <= self.current < len(self.draft.items):
            form.display = False
            return
        form.display = True
        item = self.draft.items[self.current]
        self.query_one("#form-title", Static).update(plain(item.label()))
        for key, _label, _kind in EXERCISE_FIELDS:
            set_widget_value(self.query_one(f"#f-{key}"), item.raw.get(key, ""))

    def _relabel(self, index: int) -> None:
        items = self.query_one("#items", ItemList)
        if 0 <= index < len(items.children):
            label = self.draft.items[index].label()
            items.children[index].query_one(Label).update(plain(label))
            if index == self.current:
                self.query_one("#form-title", Static).update(plain(label))

    async def rebuild_list(self, select: int, focus_name: bool = False) -> None:
        """Redraw the list after an add, copy, delete or move, and select ``select``."""
        items = self.query_one("#items", ItemList)
        await items.clear()
        await items.extend(self._list_items())
        self.current = select
        if 0 <= select < len(self.draft.items):
            items.index = select
        self.load_form()
        self.revalidate()
        if focus_name and 0 <= select < len(self.draft.items):
            # A new entry: the name is what comes next, selected so typing replaces it.
            name = self.query_one("#f-name", Input)
            name.focus()
            name.select_all()
        else:
            items.focus()

    # ---- checking ----------------------------------------------------------------------------

    def revalidate(self) -> None:
        """Run the loader over the draft; show each problem beside its field, and the total."""
        self.routine, self.problems = self.draft.check(self.app_path())
        self.show_problems()
        status = self.query_one("#editor-status", Static)
        if self.routine is not None:
            plan = compile_plan(self.routine)
            dirty = " · unsaved changes" if self.app_dirty() else ""
            status.update(
                f"Total {format_clock(plan.total)} · {len(plan.steps)} steps · no problems{dirty}"
            )
            status.set_class(False, "-bad")
        else:
            first = self.problems[0]
            status.update(
                plain(
                    f"{len(self.problems)} problem(s), save is off: {first.where}: {first.message}"
                )
            )
            status.set_class(True, "-bad")

    def show_problems(self) -> None:
        """Error lines under the fields they are about."""
        messages: dict[str, list[str]] = {}
        current = (
            self.draft.position(self.current) if 0 <= self.current < len(self.draft.items) else None
        )
        for problem in self.problems:
            table = problem.table
            if table == ("routine", 0):
                target = f"r-{problem.key}" if problem.key else "form-error"
            elif table == ("defaults", 0):
                target = f"d-{problem.key}" if problem.key else "form-error"
            elif table is not None and table == current:
                target = f"f-{problem.key}" if problem.key else "form-error"
            else:
                continue
            messages.setdefault(target, []).append(problem.message)
        for error in self.query(".error"):
            assert isinstance(error, Static)
            target = error.id or ""
            if target != "form-error":
                target = target.removesuffix("-error")
            text = "\n".join(messages.get(target, []))
            error.update(plain(text))
            error.set_class(not text, "-empty")

    def field_errors(self) -> dict[str, str]:
        """Widget id -> the error shown under it (for tests and the status line)."""
        out = {}
        for error in self.query(".error"):
            if not error.has_class("-empty"):
                assert isinstance(error, Static)
                target = error.id or ""
                out[target if target == "form-error" else target.removesuffix("-error")] = str(
                    error.render()
                )
        return out

    def app_path(self) -> str | None:
        """The file being edited, as the app knows it."""
        path = getattr(self.app, "path", None)
        return str(path) if path else None

    def app_dirty(self) -> bool:
        """Whether the app has unsaved changes."""
        dirty = getattr(self.app, "dirty", None)
        return bool(dirty()) if callable(dirty) else False

    # ---- list actions ------------------------------------------------------------------------

    def _selected(self) -> int | None:
        return self.current if 0 <= self.current < len(self.draft.items) else None

    async def action_add_item(self) -> None:
        """a: a new exercise after the selected one, in the same section."""
        await self.rebuild_list(self.draft.add(self._selected()), focus_name=True)

    async def action_duplicate_item(self) -> None:
        """c: a copy of the selected exercise."""
        index = self._selected()
        if index is not None:
            await self.rebuild_list(self.draft.duplicate(index))

    async def action_delete_item(self) -> None:
        """x: remove the selected exercise."""
        index = self._selected()
        if index is not None:
            await self.rebuild_list(self.draft.delete(index))

    async def action_move_item(self, step: int) -> None:
        """K / J: move the selected exercise up or down within its section."""
        index = self._selected()
        if index is not None:
            await self.rebuild_list(self.draft.move(index, step))
