"""The loader: one small bad file per failure mode, each with its own message and line."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from legtimer.core.durations import DURATION_HELP
from legtimer.core.errors import RoutineError
from legtimer.core.loader import decode_routine_bytes, load_routine, parse_routine
from tests.conftest import MINIMAL, ROUTINES, write

HEAD = '[routine]\nname = "T"\n\n'


def problems(path: Path) -> list[str]:
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    return [str(p) for p in info.value.problems]


BAD_FILES = [
    # (name, text, expected line, expected words)
    (
        "unknown key with suggestion",
        HEAD + '[defaults]\nrset = "45s"\n\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "unknown key 'rset'; did you mean 'rest'?",
    ),
    (
        "unknown key in exercise",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\ncue_text = "x"\n',
        7,
        "exercise 1 \"A\": unknown key 'cue_text'",
    ),
    (
        "boolean for sets",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = true\n',
        7,
        "sets must be a whole number from 1 to 100, not a boolean",
    ),
    (
        "float for sets",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = 2.5\n',
        7,
        "not a decimal number",
    ),
    (
        "too many sets",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = 101\n',
        7,
        "sets = 101 is out of range; allowed: 1 to 100",
    ),
    (
        "too many reps",
        HEAD + '[[exercise]]\nname = "A"\nreps = 1001\n',
        6,
        "reps = 1001 is out of range",
    ),
    (
        "reps range reversed",
        HEAD + '[[exercise]]\nname = "A"\nreps = [20, 15]\n',
        6,
        "a range is [low, high], like [15, 20]; reps that change each set are written "
        "sets = [{ reps = 20 }, { reps = 15 }]",
    ),
    (
        "reps and duration",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nduration = "30s"\n',
        7,
        "has both reps and duration; use exactly one",
    ),
    ("neither reps nor duration", HEAD + '[[exercise]]\nname = "A"\n', 4, "needs reps"),
    (
        "zero work duration",
        HEAD + '[[exercise]]\nname = "A"\nduration = 0\n',
        6,
        "duration must be longer than zero",
    ),
    (
        "bad duration text",
        HEAD + '[[exercise]]\nname = "A"\nduration = "soon"\n',
        6,
        "'soon' is not a duration; allowed: a number of seconds",
    ),
    (
        "step over four hours",
        HEAD + '[[exercise]]\nname = "A"\nduration = "5h"\n',
        6,
        "longer than 4 hours",
    ),
    (
        "paced set over four hours",
        HEAD + '[[exercise]]\nname = "A"\nreps = 1000\nseconds_per_rep = 60\n',
        6,
        "longer than 4 hours",
    ),
    ("missing name", HEAD + "[[exercise]]\nreps = 5\n", 4, "missing 'name'"),
    (
        "missing routine table",
        '[[exercise]]\nname = "A"\nreps = 5\n',
        None,
        "missing [routine] table",
    ),
    ("no exercises", HEAD, None, "no [[exercise]] found"),
    (
        "single brackets",
        HEAD + '[exercise]\nname = "A"\nreps = 5\n',
        4,
        "write [[exercise]] with double brackets",
    ),
    (
        "plural table name",
        HEAD + '[[exercises]]\nname = "A"\nreps = 5\n',
        4,
        "did you mean 'exercise'?",
    ),
    (
        "negative rest",
        HEAD + '[defaults]\nrest = -5\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "is negative",
    ),
    (
        "countdown out of range",
        HEAD + '[defaults]\ncountdown = 11\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "countdown = 11 is out of range; allowed: 0 to 10",
    ),
    (
        "text for a flag",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nper_side = "yes"\n',
        7,
        "per_side must be true or false, not text",
    ),
    (
        "equipment as text",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nequipment = "kettlebell"\n',
        7,
        "equipment must be a list of text",
    ),
    (
        "number for a cue",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\ncue = 5\n',
        7,
        "cue must be text in quotes, not an integer",
    ),
    (
        "rounds zero",
        '[routine]\nname = "T"\nrounds = 0\n[[exercise]]\nname = "A"\nreps = 5\n',
        3,
        "rounds = 0 is out of range",
    ),
    (
        "manual on timed",
        HEAD + '[[exercise]]\nname = "A"\nduration = 30\nmanual = true\n',
        7,
        "manual applies to rep sets",
    ),
    ("toml syntax", HEAD + '[[exercise]]\nname = "A\nreps = 5\n', 5, "TOML syntax"),
    ("deep nesting", HEAD + "x = " + "[" * 5000 + "]" * 5000 + "\n", None, "nested too deeply"),
    ("empty file", "", None, "the file is empty"),
    ("whitespace only", "  \n\n# just a comment\n", None, "the file is empty"),
    (
        "unknown sound name",
        HEAD + '[sounds]\nbeep = "a.wav"\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "unknown key 'beep'",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "words"), BAD_FILES, ids=[case[0] for case in BAD_FILES]
)
def test_each_bad_file_gets_its_message(
    tmp_path: Path, name: str, text: str, line: int | None, words: str
) -> None:
    path = write(tmp_path, text)
    found = problems(path)
    matching = [p for p in found if words in p]
    assert matching, f"{words!r} not in {found}"
    prefix = f"{path}:{line}:" if line is not None else f"{path}:"
    assert matching[0].startswith(prefix), matching[0]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = HEAD + (
        '[defaults]\nrset = 4\n\n[[exercise]]\nname = "A"\nsets = true\nreps = [3, 1]'
        '\n\n[[exercise]]\nname = "B"\nduration = "later"\n'
    )
    found = problems(write(tmp_path, text))
    assert len(found) == 4
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines) == [5, 9, 10, 14]


def test_missing_file_directory_binary_and_bad_utf8(tmp_path: Path) -> None:
    assert "no such file" in problems(tmp_path / "nope.toml")[0]
    assert "is a folder" in problems(tmp_path)[0]
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"[routine]\n\x00\x01\x02")
    assert "binary" in problems(binary)[0]
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[routine]\nname = "Caf\xe9"\n')
    found = problems(latin)[0]
    assert found.startswith(f"{latin}:2:") and "not UTF-8" in found


def test_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 1_000_001)
    assert "at most 1,000,000 bytes" in problems(big)[0]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_routine(path).name == "Mini"


def test_markup_in_text_is_kept_verbatim() -> None:
    text = MINIMAL + 'cue = "[red]hot[/] [link=x]y \\u001b[31m \\u0007"\n'
    routine = parse_routine(text)
    assert routine.exercises[0].cue == "[red]hot[/] [link=x]y \x1b[31m \x07"


def test_overrides_stay_unset_unless_written() -> None:
    routine = parse_routine(MINIMAL + 'rest = "20s"\n')
    exercise = routine.exercises[0]
    assert exercise.overrides.rest == 20.0
    assert exercise.overrides.rest_after is None
    assert exercise.settings(routine.defaults).rest_after == routine.defaults.rest_after


def test_bundled_routines_all_load() -> None:
    names = sorted(path.name for path in ROUTINES.glob("*.toml"))
    assert len(names) >= 3
    for name in names:
        load_routine(ROUTINES / name)


def _wav(path: Path, frames: int = 100) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(b"\x00\x00" * frames)


def test_sound_overrides_must_be_small_wavs_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    _wav(folder / "bell.wav")
    _wav(tmp_path / "outside.wav")
    (folder / "notes.txt").write_text("hi")
    (folder / "fake.wav").write_text("not a wav")
    text = HEAD + (
        '[sounds]\nwork = "bell.wav"\nrest = "../outside.wav"\ntick = "notes.txt"\n'
        'halfway = "fake.wav"\nfinish = "/etc/passwd"\nrep = "missing.wav"\n\n'
        '[[exercise]]\nname = "A"\nreps = 5\n'
    )
    path = write(folder, text)
    found = problems(path)
    assert len(found) == 5
    assert "must stay inside the routine's folder" in found[0]
    assert "must be a .wav file" in found[1]
    assert "not a readable PCM WAV" in found[2]
    assert "relative to the routine's folder" in found[3]
    assert "no such file" in found[4]
    good = write(
        folder,
        HEAD + '[sounds]\nwork = "bell.wav"\n[[exercise]]\nname = "A"\nreps = 5\n',
        "good.toml",
    )
    routine = load_routine(good)
    assert routine.sound_paths() == {"work": folder / "bell.wav"}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_routine_or_a_routine_error(data: bytes) -> None:
    try:
        parse_routine(decode_routine_bytes(data, "fuzz.toml"), shown="fuzz.toml")
    except RoutineError as exc:
        assert exc.problems and all(str(p).startswith("fuzz.toml") for p in exc.problems)


_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 2000)
    | st.floats(allow_nan=True)
    | st.text(max_size=8)
    | st.sampled_from(["45s", "1:30", "2m", "x"]),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)
_keys = st.sampled_from(
    [
        "name",
        "sets",
        "reps",
        "duration",
        "per_side",
        "cue",
        "rest",
        "countdown",
        "manual",
        "equipment",
        "seconds_per_rep",
        "rset",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _values, max_size=6))
def test_any_exercise_table_gives_a_routine_or_a_routine_error(fields: dict[str, object]) -> None:
    import tomli_w

    body = {
        "routine": {"name": "F"},
        "exercise": [{k: v for k, v in fields.items() if v is not None}],
    }
    try:
        text = tomli_w.dumps(body)
    except (TypeError, ValueError):
        assume(False)  # not a TOML table at all: not this test's input
        return
    try:
        parse_routine(text)
    except RoutineError as exc:
        assert exc.problems


def test_a_duration_in_quotes_without_a_unit_gets_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + '[[exercise]]\nname = "A"\nduration = "45"\n')
    found = problems(path)
    assert found == [
        f'{path}:6: exercise 1 "A": duration: \'45\' has no unit; write 45 or "45s"; '
        f"allowed: {DURATION_HELP}"
    ]
    assert (
        parse_routine(HEAD + '[[exercise]]\nname = "A"\nduration = "1m30"\n').exercises[0].duration
        == 90.0
    )


def test_the_schema_matches_the_model() -> None:
    """Settings, Preferences and the schema list the same keys in the same order."""
    from legtimer.core.routine import Preferences, Settings
    from legtimer.core.schema import SETTINGS, Table, fields_in

    assert tuple(spec.key for spec in SETTINGS) == Settings._fields
    assert all(spec.default == getattr(Settings(), spec.key) for spec in SETTINGS)
    only_defaults = [k for k, s in fields_in(Table.DEFAULTS).items() if not s.is_setting]
    assert tuple(only_defaults) == Preferences._fields
    assert "keep_awake" not in fields_in(Table.EXERCISE)


def test_a_key_left_out_reads_as_the_schema_default() -> None:
    """The loader builds exercises and blocks from their records' defaults: those must be the
    schema's (which the docs and the editor show), but for a block's rest_until_ready, whose
    "left out" means "as each exercise says"."""
    from legtimer.core.routine import Block, Exercise
    from legtimer.core.schema import Table, fields_in

    for table, record, besides in (
        (Table.EXERCISE, Exercise, {"name"}),
        (Table.BLOCK, Block, {"name", "rest_until_ready"}),
    ):
        for key, spec in fields_in(table).items():
            if key not in besides and not (table is Table.EXERCISE and spec.is_setting):
                assert record._field_defaults[key] == spec.default, (table, key)
    block = parse_routine(
        HEAD + '[[block]]\nname = "B"\n\n[[block.exercise]]\nname = "A"\nreps = 5\n'
    ).blocks[0]
    assert (block.rounds, block.rest_between_rounds, block.rest_until_ready) == (1, 0.0, None)


def test_routine_equality_does_not_depend_on_field_order() -> None:
    routine = parse_routine(MINIMAL)
    assert routine == routine._replace(path="/elsewhere.toml")
    assert routine != routine._replace(rounds=2)
    assert hash(routine) == hash(routine._replace(path="x"))
