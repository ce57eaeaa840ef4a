"""Memory and cost over long workouts (issue 13), each number printed with its goal.

1. The real app in a 100x30 tmux pane on a routine of 1-second steps: resident memory after a
   1-minute warm-up and 2 minutes later (growth per 100 transitions), and CPU per transition.
2. A simulated 8-hour workout under Pilot on a fake clock (every phase, pauses, skips, done):
   Python heap growth (tracemalloc) after warm-up.
3. The disk work of a transition (checkpoint, training log): CPU per transition early and late
   in a long workout, and how late a step starts with checkpointing on and off.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

ONE_SECOND_STEPS = """[routine]
name = "One-second steps"
rounds = 100
[defaults]
get_ready = "1s"
rest = "1s"
rest_after = "1s"
switch_sides = "1s"
seconds_per_rep = 1
halfway = false
[[exercise]]
name = "Taps"
sets = 10
duration = "1s"
[[exercise]]
name = "Side taps"
sets = 5
reps = 1
per_side = true
"""


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    """Until the app has exited: on the closed terminal it saves its place in its home folder,
    which must not be half-removed under it."""
    end = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and time.monotonic() < end:
        time.sleep(0.05)


def _transitions(home: Path) -> int:
    """The step the app is on, from the place it keeps at every step change (each step of the
    soak routine is one transition): read from outside, so the app runs as a person runs it,
    without --event-log (which writes and flushes a line per event)."""
    from legtimer.storage.checkpoint import read_checkpoint

    try:
        place = read_checkpoint(home / "state" / "checkpoint.json")
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return 0 if place is None else place.step_index


def real_soak(warm_up: float = 60.0, window: float = 120.0, parts: int = 3) -> None:
    """RSS growth per 100 transitions and CPU per transition of the real app (goal: <= 3 MB
    over the 2-minute window, <= 15 ms of CPU per transition).

    CPU is the process's own (user + system, all threads), so other work on the machine moves it
    little; it is read for each third of the window too, and the median third is printed with
    the whole.
    """
    sys.path.insert(0, str(ROOT))
    from tests.tmux import Terminal

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        routine = tmp / "steps.toml"
        routine.write_text(ONE_SECOND_STEPS)
        home = tmp / "home"
        term = Terminal(
            tmp / "term",
            [str(BIN / "legtimer"), "--mute", "--no-keep-awake", "--routine", str(routine)],
            env={"LEGTIMER_HOME": str(home)},
        )
        pid = 0
        try:
            term.wait_text("GET READY", timeout=20)
            pid = term.command_pid()
            time.sleep(warm_up)
            rss0 = _rss_kb(pid)
            readings = [(_cpu_seconds(pid), _transitions(home))]
            for _ in range(parts):
                time.sleep(window / parts)
                readings.append((_cpu_seconds(pid), _transitions(home)))
            rss1 = _rss_kb(pid)
        finally:
            term.close()
            if pid:
                _wait_gone(pid)
    (cpu0, steps0), (cpu1, steps1) = readings[0], readings[-1]
    steps = max(1, steps1 - steps0)
    per_part = [
        (b_cpu - a_cpu) * 1000 / max(1, b_steps - a_steps)
        for (a_cpu, a_steps), (b_cpu, b_steps) in zip(readings, readings[1:], strict=False)
    ]
    grown = (rss1 - rss0) / 1024
    print(
        f"real app, 1-s steps, {window:.0f} s after {warm_up:.0f} s: RSS {rss0 / 1024:.1f} -> "
        f"{rss1 / 1024:.1f} MB ({grown:+.2f} MB, goal <= 3 MB; "
        f"{grown * 100 / steps:+.3f} MB per 100 transitions)"
    )
    print(
        f"real app, CPU per transition over {steps} transitions: "
        f"{(cpu1 - cpu0) * 1000 / steps:.1f} ms (goal <= 15 ms); median of its thirds "
        f"{statistics.median(per_part):.1f} ms ({', '.join(f'{ms:.1f}' for ms in per_part)})"
    )


def simulated_day(hours: float = 8.0, warm_up: int = 700) -> None:
    """Heap growth over a simulated 8-hour workout under Pilot after a warm-up (goal <= 1 MB).

    The workout runs with a real one's listeners (training log, checkpoint, event log; the sets
    it records stay in memory for the summary). The heap is traced from before the app starts
    (see tests/soak.drive: tracing from the warm-up on would count every cache entry that merely
    replaced an older one as growth). The warm-up lets the bounded caches fill: Rich's cell-width
    cache keeps the last 4,096 strings measured (about 0.5 MB full) and the overall line is a new
    string every second, so it fills in the first few hundred steps; the output says how full it
    was when the measure began.
    """
    sys.path.insert(0, str(ROOT))
    from rich.cells import cached_cell_len

    from legtimer.core.loader import parse_routine
    from legtimer.core.plan import compile_plan
    from tests import soak

    # Longer planks make a round about 8 minutes, so 100 rounds (the most) hold the warm-up and
    # the hours measured after it.
    text = soak.EVERY_PHASE.replace('sets = 2\nduration = "4s"', 'sets = 6\nduration = "75s"')
    steps = len(compile_plan(parse_routine(text)).steps)
    filled: list[int] = []

    def at_step(count: int) -> None:
        if count == warm_up - 1:
            filled.append(cached_cell_len.cache_info().currsize)

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as home:
        soaked = asyncio.run(
            soak.drive(steps - warm_up, warm_up, on_step=at_step, routine=text, home=Path(home))
        )
    took = time.perf_counter() - start
    cache = cached_cell_len.cache_info()
    short = "" if soaked.measured >= hours * 3600 else f" (fewer than the {hours:.0f} h asked)"
    print(
        f"simulated {soaked.measured / 3600:.1f} h under Pilot after a {warm_up}-step warm-up "
        f"({(soaked.simulated - soaked.measured) / 3600:.1f} h){short}, {steps:,} steps in all, "
        f"every phase, pauses, skips, logged: heap {soaked.grown / 1e6:+.2f} MB (goal <= 1 MB); "
        f"Rich's cell-width cache {filled[0] if filled else 0:,} of {cache.maxsize:,} entries "
        f"at the end of the warm-up, {cache.currsize:,} at the end; ran {took:.0f} s"
    )


def checkpoints() -> None:
    """CPU per transition of the disk work (checkpoint and training log), early and late in a
    long workout, and the worst transition lateness on the real clock with checkpointing on and
    off (goals: flat over the workout, and a write never delays a step > 5 ms)."""
    windows = ((60, 240), (3000, 3180))
    print(
        "disk work per transition, 1-s steps, CPU of all threads less the same workout without "
        "it, median of 3 (goal: no more late in the workout than early; a whole transition "
        "may cost 15 ms):"
    )
    bare = _median_disk_cpu(False, False, windows)
    for label, keep_place, record in (
        ("checkpoint", True, False),
        ("training log", False, True),
        ("both", True, True),
    ):
        busy = _median_disk_cpu(keep_place, record, windows)
        print(
            f"  {label}: "
            + ", ".join(
                f"{(cost - idle) * 1000:.3f} ms at steps {first}-{last}"
                for cost, idle, (first, last) in zip(busy, bare, windows, strict=True)
            )
        )
    for on in (False, True):
        print(
            f"worst transition lateness, 1-s steps, checkpoints {'on ' if on else 'off'}: "
            f"{_lateness(on) * 1000:.2f} ms (goal: on - off <= 5 ms)"
        )


def _median_disk_cpu(
    keep_place: bool, record: bool, windows: Sequence[tuple[int, int]], runs: int = 3
) -> list[float]:
    """The median of ``runs`` runs of :func:`_disk_cpu`, window by window."""
    costs = [_disk_cpu(keep_place, record, windows) for _ in range(runs)]
    return [statistics.median(window) for window in zip(*costs, strict=True)]


def _disk_cpu(keep_place: bool, record: bool, windows: Sequence[tuple[int, int]]) -> list[float]:
    """Process CPU seconds per transition (all threads) in each window of steps, running the
    one-second-steps routine on a fake clock with the real checkpoint and training log in a
    temporary home. In a window each write is waited for, as the second between real steps
    lets it finish; between windows the steps run flat out."""
    sys.path.insert(0, str(ROOT))
    from legtimer.core.loader import load_routine
    from legtimer.core.plan import compile_plan
    from legtimer.live.driver import Command
    from legtimer.live.keeping import Checkpointer
    from legtimer.live.outfit import Outfit
    from tests.conftest import FakeClock

    before = os.environ.get("LEGTIMER_HOME")
    with tempfile.TemporaryDirectory() as name:
        os.environ["LEGTIMER_HOME"] = name
        try:
            path = Path(name) / "steps.toml"
            path.write_text(ONE_SECOND_STEPS)
            clock = FakeClock()
            outfit = Outfit(
                clock=clock, schedule=lambda _d, _f: None, keep_place=keep_place, record=record
            )
            driver = outfit.driver(compile_plan(load_routine(path)), bell=lambda: None)
            keeper = driver.listener(Checkpointer)
            session = driver.session
            driver.start()

            def transition(wait: bool) -> None:
                clock.advance(session.remaining() + 0.001)
                driver.tick()
                if session.step.waits_for_user:
                    driver.send(Command.DONE)
                if wait and keeper is not None:
                    keeper.store.flush()

            costs = []
            for first, last in windows:
                while session.visit < first:
                    transition(False)
                if keeper is not None:
                    keeper.store.flush()
                cpu = time.process_time()
                while session.visit < last:
                    transition(True)
                costs.append((time.process_time() - cpu) / (last - first))
            driver.end("quit")
        finally:
            if before is None:
                del os.environ["LEGTIMER_HOME"]
            else:
                os.environ["LEGTIMER_HOME"] = before
    return costs


def _lateness(checkpointing: bool, seconds: float = 20.0) -> float:
    """The latest a step began after its due time, driving the real loop for ``seconds``."""
    from legtimer.core.events import Event, StepStarted
    from legtimer.core.loader import parse_routine
    from legtimer.core.plan import compile_plan
    from legtimer.live.driver import Ending, Listener, WorkoutDriver
    from legtimer.live.keeping import Checkpointer
    from legtimer.storage.checkpoint import CheckpointStore

    plan = compile_plan(parse_routine(ONE_SECOND_STEPS))
    worst = 0.0

    class Late:
        def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
            nonlocal worst
            now = driver.clock()
            for event in events:
                if isinstance(event, StepStarted):
                    worst = max(worst, now - event.at)

        def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
            """Nothing to do."""

    async def run() -> None:
        with tempfile.TemporaryDirectory() as name:
            listeners: list[Listener] = [Late()]
            if checkpointing:
                store = CheckpointStore(Path(name) / "checkpoint.json")
                listeners.insert(0, Checkpointer(store, name, "h"))
            driver = WorkoutDriver(plan, listeners=listeners)
            driver.start()
            await asyncio.sleep(seconds)
            driver.end("quit")

    asyncio.run(run())
    return worst


def main() -> None:
    """Run the soak benchmarks (about 5 minutes in all)."""
    checkpoints()
    simulated_day()
    real_soak()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
