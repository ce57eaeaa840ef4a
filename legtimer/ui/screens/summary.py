"""The end of a workout: time, work against rest, sets done and skipped."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from legtimer.core.durations import format_clock
from legtimer.core.summary import Summary
from legtimer.ui.messages import LeaveRequested
from legtimer.ui.text import plain
from legtimer.ui.widgets.footer import LeanFooter


def summary_lines(summary: Summary) -> list[str]:
    """The table of exercises, as aligned text lines.

    When an AMRAP's cap cut sets short they get a CUT column of their own, so a finished row
    adds up: done + skipped + cut = of.
    """
    width = max([len(t.name) for t in summary.exercises] + [8])
    cut = summary.sets_capped > 0
    lines = [f"{'EXERCISE':<{width}}  DONE  SKIPPED  {'CUT  ' if cut else ''}OF"]
    for tally in summary.exercises:
        capped = f"{tally.capped:>3}  " if cut else ""
        lines.append(
            f"{tally.name:<{width}}  {tally.done:>4}  {tally.skipped:>7}  {capped}"
            f"{tally.planned:>2}"
        )
    return lines


def score_lines(summary: Summary) -> list[str]:
    """ "Finisher (AMRAP 1): 4 rounds + 2", one line per AMRAP."""
    return [f"{score.block} (AMRAP {score.round}): {score}" for score in summary.scores]


def totals_line(summary: Summary) -> str:
    """Total time, work against rest, and the set counts."""
    total = format_clock(summary.total, count_up=True)
    worked = format_clock(summary.worked, count_up=True)
    rested = format_clock(summary.rested, count_up=True)
    capped = f", {summary.sets_capped} cut by the cap" if summary.sets_capped else ""
    return (
        f"Total {total}   ·   worked {worked}   ·   rested {rested}   ·   "
        f"sets {summary.sets_done} done, {summary.sets_skipped} skipped{capped}"
    )


class SummaryScreen(Screen[None]):
    """Shown when the last step ends; q leaves."""

    BINDINGS = [Binding("q,escape,enter", "leave", "Quit")]

    def __init__(
        self, summary: Summary, recorded: bool = False, against: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.summary = summary
        self.recorded = recorded
        self.against = tuple(against)
        """Lines of today's sets against last time's ("Clamshells  15/16/16 → 17/17/17")."""

    def action_leave(self) -> None:
        """q: out of the workout (the app decides where to)."""
        self.post_message(LeaveRequested())

    def compose(self) -> ComposeResult:
        """Totals first, then the per-exercise table."""
        summary = self.summary
        heading = "DONE" if summary.finished else "STOPPED EARLY"
        with Vertical(id="summary"):
            yield Static(f" {heading} ", id="summary-phase")
            yield Static(plain(summary.routine), id="summary-name")
            yield Static(totals_line(summary), id="summary-totals")
            if summary.scores:
                yield Static(plain("\n".join(score_lines(summary))), id="summary-scores")
            yield Static(plain("\n".join(summary_lines(summary))), id="summary-table")
            if self.against:
                lines = ["AGAINST LAST TIME", *self.against]
                yield Static(plain("\n".join(lines)), id="summary-against")
            if self.recorded:
                yield Static("Saved to your training log: legtimer history", id="summary-saved")
        yield LeanFooter()
