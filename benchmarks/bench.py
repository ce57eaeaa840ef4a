"""`make bench`: speed numbers, printed, never asserted.

Each number is a median of several runs, and start-up is reported as a ratio against
`python -c pass` measured in the same run, so a busy machine moves both sides alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _time_commands(commands: dict[str, list[str]], rounds: int = 21) -> dict[str, float]:
    """Median wall time of each command, run in turns so machine noise hits all of them alike."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(rounds):
        for label, args in commands.items():
            start = time.perf_counter()
            subprocess.run(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT
            )
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def startup() -> None:
    """`legtimer --help` and `legtimer check` against `python -c pass` (target: within 4x)."""
    # Installed apps run from compiled bytecode (pip and pipx compile on install); an editable
    # checkout under PYTHONDONTWRITEBYTECODE would otherwise recompile every module every run.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "legtimer")],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    legtimer = str(BIN / "legtimer")
    medians = _time_commands(
        {
            "python -c pass": [sys.executable, "-c", "pass"],
            "legtimer --help": [legtimer, "--help"],
            "legtimer check routines/runners.toml": [legtimer, "check", "routines/runners.toml"],
        }
    )
    base = medians.pop("python -c pass")
    print(f"{'python -c pass':<40} {base * 1000:7.1f} ms")
    for label, took in medians.items():
        print(
            f"{label:<40} {took * 1000:7.1f} ms   {took / base:4.2f} x python -c pass"
            "   (target <= 4.00 x)"
        )


def big_routine() -> None:
    """Loading (and planning) a 1,000-exercise routine."""
    from legtimer.core.loader import load_routine
    from legtimer.core.plan import compile_plan

    parts = ['[routine]\nname = "Big"\n']
    for i in range(1000):
        parts.append(
            f'[[exercise]]\nname = "Move {i}"\nsets = 3\nreps = [8, 12]\n'
            f'per_side = {"true" if i % 2 else "false"}\ncue = "Cue number {i}."\n'
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.toml"
        path.write_text("".join(parts))
        load_times, plan_times = [], []
        for _ in range(5):
            start = time.perf_counter()
            routine = load_routine(path)
            load_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            plan = compile_plan(routine)
            plan_times.append(time.perf_counter() - start)
        size = path.stat().st_size
    print(
        f"load 1,000-exercise routine ({size // 1024} KiB)     "
        f"{statistics.median(load_times) * 1000:7.1f} ms"
    )
    print(
        f"compile its plan ({len(plan.steps):,} steps)              "
        f"{statistics.median(plan_times) * 1000:7.1f} ms"
    )


def editor_keystroke() -> None:
    """One keystroke in the editor on a 1,000-exercise routine (target < 30 ms).

    Timed from the change to the end of its handling: store, one check, error lines. The
    total is planned once typing pauses, and Pilot's own settling is not the editor's time.
    """
    import asyncio

    from textual.widgets import Input

    from legtimer.core.loader import parse_routine
    from legtimer.ui.editor.app import EditorApp

    parts = ['[routine]\nname = "Big"\n']
    for i in range(1000):
        parts.append(
            f'[[exercise]]\nname = "Move {i}"\nsets = 3\nreps = [8, 12]\n'
            f'per_side = {"true" if i % 2 else "false"}\ncue = "Cue number {i}."\n'
        )
    routine = parse_routine("".join(parts), path="/tmp/big.toml")
    times: list[float] = []

    async def run() -> None:
        app = EditorApp(routine, Path("/tmp/big.toml"), bundled=False, user_folder=Path("/tmp"))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.editor
            checked = screen.revalidate
            done: list[float] = []

            def revalidate() -> None:
                checked()
                done.append(time.perf_counter())

            screen.revalidate = revalidate  # type: ignore[method-assign]
            name = screen.query_one("#item-name", Input)
            for i in range(30):
                start = time.perf_counter()
                # What a keystroke does: Input.Changed -> the draft -> one check -> the screen.
                name.value = f"Move {i}x"
                await pilot.pause()
                times.append(done[-1] - start)

    asyncio.run(run())
    print(
        f"editor keystroke, 1,000 exercises (30 edits)   median "
        f"{statistics.median(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms"
        "   (target < 30 ms)"
    )


def ticks() -> None:
    """Session ticks per second over the runners plan on a fake clock (20 ticks a second)."""
    from legtimer.core.loader import load_routine
    from legtimer.core.plan import compile_plan
    from legtimer.core.session import Session

    plan = compile_plan(load_routine(ROOT / "routines" / "runners.toml"))
    rates = []
    for _ in range(3):
        now = [0.0]
        session = Session(plan, lambda n=now: n[0])
        session.start()
        count = 0
        start = time.perf_counter()
        while not session.finished:
            now[0] += 0.05
            session.tick()
            session.remaining()
            count += 1
        rates.append(count / (time.perf_counter() - start))
    print(
        f"session ticks per second (runners, {count:,} ticks)   {statistics.median(rates):10,.0f}"
    )


def training_log() -> None:
    """Time to record a set (median, max) and to open the history screen on 5,000 workouts."""
    from benchmarks.trainlog_bench import report_history_screen, report_record_set

    with tempfile.TemporaryDirectory() as name:
        report_record_set(Path(name))
        report_history_screen(Path(name))


_BLOCK_KINDS = (
    # A ramp: one exercise whose sets each have their own reps, load and rest.
    'rest_after = "2m"\n\n'
    '[[block.exercise]]\nname = "Goblet squat {i}"\n'
    "sets = [\n"
    '    {{ reps = 8, load = "8 kg", rest = "45s", note = "easy: groove the pattern" }},\n'
    '    {{ reps = 6, load = "12 kg", rest = "1m" }},\n'
    '    {{ reps = 5, load = "16 kg" }},\n'
    "]\n"
    'equipment = ["kettlebell"]\n'
    'cue = "Bell at the chest, elbows inside the knees. Sit between the heels, then stand tall."\n',
    # A superset: two moves, three rounds, one per side, one with a harder variant.
    'rounds = 3\nrest_between_rounds = "90s"\nrest_until_ready = true\n\n'
    '[[block.exercise]]\nname = "Romanian deadlift {i}"\nreps = [8, 10]\nload = "16 kg"\n'
    'rest_after = "30s"\nequipment = ["kettlebell"]\n'
    'cue = "Soft knees, push the hips back until the hamstrings pull, then stand tall."\n\n'
    '[[block.exercise]]\nname = "Split squat {i}"\nreps = 8\nper_side = true\n'
    'first_side = "right"\n'
    'cue = "Long stance, back heel up. Drop the back knee straight down, front shin still."\n\n'
    '[[block.exercise.variant]]\nname = "Rear-foot-elevated split squat {i}"\n'
    'role = "harder"\nequipment = ["chair"]\n'
    'cue = "Back foot on the chair seat, front shin upright. Drop straight down."\n',
    # An EMOM: two moves every minute, six rounds.
    'every = "1m"\nrounds = 6\nrest_after = "90s"\n\n'
    '[[block.exercise]]\nname = "Kettlebell swings {i}"\nreps = 12\nequipment = ["kettlebell"]\n'
    'cue = "Hike the bell back, snap the hips, let it float to chest height."\n\n'
    '[[block.exercise]]\nname = "Air squats {i}"\nreps = 6\nmanual = true\n'
    'cue = "Quick and tall: full depth, stand all the way up."\n',
    # An AMRAP: three moves looped until the cap.
    'time_cap = "5m"\n\n'
    '[[block.exercise]]\nname = "Burpees {i}"\nreps = 5\n'
    'cue = "Chest to the floor, jump the feet in, stand and clap overhead."\n\n'
    '[[block.exercise]]\nname = "Alternating lunges {i}"\nreps = 10\n'
    'cue = "Step forward, back knee kisses the floor, push back. Alternate legs."\n\n'
    '[[block.exercise]]\nname = "Plank {i}"\nduration = "20s"\nequipment = ["mat"]\n'
    'cue = "Forearms down, a straight line from head to heels, squeeze the glutes."\n',
)


def block_routine_text(blocks: int = 100) -> str:
    """A routine of ``blocks`` blocks, written like the bundled strength day and finisher.

    Ramps with per-set lists, supersets (per side, a variant, rest until ready), EMOMs and
    AMRAPs in turn, each exercise with its cue and equipment as real routines have them.
    """
    parts = [
        '[routine]\nname = "Hundred blocks"\n'
        'description = "Ramps, supersets, EMOMs and AMRAPs, over and over."\n\n'
        '[defaults]\nget_ready = "10s"\nrest = "1m"\nrest_after = "1m"\n'
        "seconds_per_rep = 2\n"
    ]
    for i in range(blocks):
        kind = _BLOCK_KINDS[i % len(_BLOCK_KINDS)]
        parts.append(f'\n[[block]]\nname = "Block {i + 1}"\n' + kind.format(i=i + 1))
    return "".join(parts)


def sparse_block_routine_text(blocks: int = 100) -> str:
    """A routine of ``blocks`` short blocks: three rounds of three moves with few keys each.

    Little text per element, so tomllib is quick next to the loader's and the plan's work
    per table and per step: the harder shape for the ratio. EMOMs, AMRAPs and plain rounds
    in turn, one exercise in three blocks with a per-set list.
    """
    parts = ['[routine]\nname = "Blocks"\n']
    for i in range(blocks):
        clock = ('every = "2m"\n', 'time_cap = "5m"\n', 'rest_between_rounds = "90s"\n')[i % 3]
        parts.append(f'[[block]]\nname = "Block {i}"\nrounds = 3\n{clock}')
        for j in range(3):
            sets = '[{ reps = 5, load = "20 kg" }, { reps = 3, load = "30 kg" }]'
            body = f"sets = {sets}\n" if i % 3 == 2 and j == 0 else "reps = 8\n"
            parts.append(f'[[block.exercise]]\nname = "Move {i}.{j}"\n{body}cue = "Cue {j}."\n')
    return "".join(parts)


def block_routine(runs: int = 41) -> None:
    """Load + plan of a 100-block routine against tomllib's own parse of the same text (goal:
    at most 2x), for a realistic routine and a sparse one.

    The two are timed in turns on the same text, and the ratio is the median of each turn's
    ours / tomllib, so a busy moment on the machine (which slows both sides of a turn) moves
    it little; the best of each is shown beside it. Each side's result is let go before the
    next clock starts, so neither is charged for freeing an earlier turn's.
    """
    import tomllib

    from legtimer.core.loader import parse_routine
    from legtimer.core.plan import compile_plan

    for shape, text in (
        ("realistic", block_routine_text()),
        ("sparse", sparse_block_routine_text()),
    ):
        ours, theirs = [], []
        steps = 0
        for _ in range(runs):
            start = time.perf_counter()
            data = tomllib.loads(text)
            theirs.append(time.perf_counter() - start)
            del data
            start = time.perf_counter()
            plan = compile_plan(parse_routine(text))
            ours.append(time.perf_counter() - start)
            steps = len(plan.steps)
            del plan
        ratio = statistics.median(mine / base for mine, base in zip(ours, theirs, strict=True))
        print(
            f"load+plan 100 blocks, {shape + ':':<11} {statistics.median(ours) * 1000:5.1f} ms, "
            f"tomllib {statistics.median(theirs) * 1000:4.1f} ms, ratio {ratio:.2f} (goal ≤ 2)"
        )
        print(
            f"    {len(text) // 1024} KiB, {steps:,} steps, {runs} runs; best "
            f"{min(ours) * 1000:.1f} ms vs {min(theirs) * 1000:.1f} ms "
            f"= {min(ours) / min(theirs):.2f}"
        )


def main() -> None:
    """Run every benchmark and print its numbers."""
    print(f"legtimer benchmarks  (python {sys.version.split()[0]}, median of several runs)")
    startup()
    big_routine()
    block_routine()
    editor_keystroke()
    ticks()
    training_log()
    extras = (
        "benchmarks.wake_latency",
        "benchmarks.screen_ticks",
        "benchmarks.screen_cpu",
        "benchmarks.audio_latency",
        "benchmarks.remote_latency",
        "benchmarks.soak",
    )
    for extra in extras:
        try:
            module = __import__(extra, fromlist=["main"])
        except ImportError:
            continue
        module.main()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
