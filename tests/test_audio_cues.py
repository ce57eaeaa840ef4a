"""Which sound plays at each event, proven with a recording backend on a fake clock."""

from __future__ import annotations

import subprocess
import sys
import time
import wave
from collections import Counter
from pathlib import Path

import pytest

from legtimer.audio.backends import (
    AudioUnavailable,
    BellBackend,
    CommandBackend,
    RecordingBackend,
    SimpleaudioBackend,
)
from legtimer.audio.chooser import choose_backend, open_audio, sound_files
from legtimer.audio.cues import CuePlayer
from legtimer.audio.voice import Voice
from legtimer.core.events import CountdownTicked, HalfwayReached, RepBeat, StepStarted
from legtimer.core.loader import load_routine, parse_routine
from legtimer.core.plan import Plan, StepKind, compile_plan
from legtimer.core.session import Session
from tests.conftest import FakeClock


def run_through(plan: Plan, step: float = 0.1) -> tuple[RecordingBackend, CuePlayer]:
    clock = FakeClock()
    backend = RecordingBackend(clock)
    player = CuePlayer(backend, plan, clock=clock)
    session = Session(plan, clock)
    player.handle(session.start())
    while not session.finished:
        clock.advance(step)
        player.handle(session.tick())
    return backend, player


def expected_counts(plan: Plan) -> Counter[str]:
    """What the plan calls for, worked out from the steps themselves.

    Rep beats are counted whole: one that falls with a tick or the halfway pip gives way to it,
    which test_simultaneous_events_play_the_most_important_once pins down on its own.
    """
    counts: Counter[str] = Counter()
    for step in plan.steps:
        if step.kind is StepKind.SWITCH:
            counts["switch"] += 1
        else:
            counts["work" if step.kind.is_work else "rest"] += 1
        if step.duration is None:
            continue
        counts["tick"] += sum(1 for k in range(1, step.countdown + 1) if k < step.duration)
        if step.halfway:
            counts["halfway"] += 1
        if step.rep_beat and step.is_paced:
            beats = [(i - 1) * step.seconds_per_rep for i in range(2, step.rep_count + 1)]
            counts["rep"] += sum(1 for beat in beats if beat < step.duration)
    counts["finish"] = 1
    return counts


def test_runners_plays_the_right_sound_at_every_event(runners_plan: Plan) -> None:
    backend, _ = run_through(runners_plan)
    heard, expected = Counter(backend.cues), expected_counts(runners_plan)
    assert heard - Counter(rep=heard["rep"]) == expected - Counter(rep=expected["rep"])
    assert 0 < heard["rep"] <= expected["rep"], "beats play, except under a louder cue"
    assert backend.cues[0] == "rest", "get ready opens with the low tone"
    assert backend.cues[-1] == "finish"
    # Every work step start is marked by the work sound, at its planned time.
    work_starts = [s.start for s in runners_plan.steps if s.kind.is_work]
    played = [at for cue, at in backend.played if cue == "work"]
    assert played == pytest.approx(work_starts, abs=0.11)


def test_cue_order_on_a_small_plan() -> None:
    plan = compile_plan(
        parse_routine(
            '[routine]\nname = "S"\n[defaults]\nget_ready = "2s"\ncountdown = 1\n'
            'switch_sides = "2s"'
            '\n[[exercise]]\nname = "A"\nreps = 3\nseconds_per_rep = 1\nper_side = true\n'
        )
    )
    backend, _ = run_through(plan, step=0.05)
    assert [(c, round(t, 1)) for c, t in backend.played] == [
        ("rest", 0.0),
        ("tick", 1.0),
        ("work", 2.0),
        ("rep", 3.0),
        ("tick", 4.0),
        ("switch", 5.0),
        ("tick", 6.0),
        ("work", 7.0),
        ("rep", 8.0),
        ("tick", 9.0),
        ("finish", 10.0),
    ]


def test_mute_silences_and_unmute_restores(runners_plan: Plan) -> None:
    clock = FakeClock()
    backend = RecordingBackend(clock)
    player = CuePlayer(backend, runners_plan, muted=True, clock=clock)
    session = Session(runners_plan, clock)
    player.handle(session.start())
    assert backend.played == []
    assert player.toggle_mute() is False
    clock.advance(15.0)
    player.handle(session.tick())
    assert backend.cues[-1] == "work"
    assert player.toggle_mute() is True and backend.stopped >= 1


def test_old_events_stay_silent(runners_plan: Plan) -> None:
    """A tick that arrives 95 s late does not fire a burst of stale beeps."""
    clock = FakeClock()
    backend = RecordingBackend(clock)
    player = CuePlayer(backend, runners_plan, clock=clock)
    session = Session(runners_plan, clock)
    player.handle(session.start())
    clock.advance(95.3)
    events = session.tick()
    assert len(events) > 5
    player.handle(events)
    assert backend.cues == ["rest"], "only the start played; everything else was old news"
    clock.set(runners_plan.steps[session.index].start + runners_plan.steps[session.index].estimate)
    player.handle(session.tick())
    assert len(backend.cues) == 2


def test_simultaneous_events_play_the_most_important_once() -> None:
    plan = compile_plan(
        parse_routine('[routine]\nname = "T"\n[[exercise]]\nname = "A"\nduration = 20\n')
    )
    step = plan.steps[1]
    clock = FakeClock(5.0)
    backend = RecordingBackend(clock)
    player = CuePlayer(backend, plan, clock=clock)
    player.handle([RepBeat(step, 2, 5.0), CountdownTicked(step, 3, 5.0), HalfwayReached(step, 5.0)])
    assert backend.cues == ["halfway"]
    player.handle([CountdownTicked(step, 1, 4.6), StepStarted(plan.steps[1], 5.0)])
    assert backend.cues == ["halfway", "work"]


def test_routine_sounds_override_the_bundled_ones(tmp_path: Path) -> None:
    with wave.open(str(tmp_path / "gong.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(b"\x01\x00" * 441)
    routine_file = tmp_path / "r.toml"
    routine_file.write_text(
        '[routine]\nname = "R"\n[sounds]\nwork = "gong.wav"\n[[exercise]]\nname = "A"\nreps = 3\n'
    )
    files = sound_files(load_routine(routine_file))
    assert files["work"] == tmp_path / "gong.wav"
    assert files["rest"].name == "rest.wav" and files["rest"].exists()
    assert set(files) == {"work", "rest", "tick", "halfway", "switch", "rep", "finish"}


def test_bundled_sounds_are_short_clean_16_bit_mono() -> None:
    for path in sound_files(None).values():
        with wave.open(str(path)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44100)
            frames = wav.readframes(wav.getnframes())
            assert wav.getnframes() / 44100 <= 0.75
        first = int.from_bytes(frames[:2], "little", signed=True)
        last = int.from_bytes(frames[-2:], "little", signed=True)
        assert abs(first) < 200 and abs(last) < 200, f"{path.name} would click"


def test_sounds_are_reproducible(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, str(root / "tools" / "make_sounds.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for path in sound_files(None).values():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_fallback_when_simpleaudio_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", None)
    monkeypatch.setattr(
        "legtimer.audio.backends.shutil.which",
        lambda name: "/usr/bin/aplay" if name == "aplay" else None,
    )
    monkeypatch.setattr(
        "legtimer.audio.backends.subprocess.run",
        lambda *a, **k: subprocess.CompletedProcess(a, 0),
    )
    backend, problems = choose_backend(sound_files(None))
    assert isinstance(backend, CommandBackend) and backend.name == "aplay"
    assert problems[0].reason == "simpleaudio is not installed"
    assert "libasound2-dev" in problems[0].detail


def test_fallback_to_the_bell_then_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(self: object, sounds: object) -> None:
        raise AudioUnavailable("no audio device", "Error opening PCM device")

    monkeypatch.setattr(SimpleaudioBackend, "__init__", no_device)
    monkeypatch.setattr("legtimer.audio.backends.shutil.which", lambda name: None)
    rings: list[int] = []
    player = open_audio(None, bell=lambda: rings.append(1))
    assert isinstance(player.backend, BellBackend)
    assert player.notice == (
        "Sound: terminal bell only (no audio device). Details: legtimer doctor"
    )
    player.backend.play("work")
    player.backend.play("rep")
    assert rings == [1], "the bell skips the rep beat"


def test_a_real_simpleaudio_failure_falls_through(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With no ALSA device at all, simpleaudio's own error is caught, not raised."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(tmp_path / "none.conf"))
    (tmp_path / "none.conf").write_text("")
    with pytest.raises(AudioUnavailable) as info:
        SimpleaudioBackend(sound_files(None))
    assert info.value.reason == "no audio device"


def test_voice_lines(runners_plan: Plan) -> None:
    player = CuePlayer(RecordingBackend(), runners_plan)
    steps = runners_plan.steps
    clam = next(s for s in steps if s.name == "Clamshells")
    assert player.spoken_line(StepStarted(clam, 0.0)) == "Clamshells. Set 1 of 3. Left side."
    switch = steps[clam.plan_index + 1]
    assert player.spoken_line(StepStarted(switch, 0.0)) == "Switch sides."
    rest = next(
        s
        for s in steps
        if s.kind is StepKind.REST_AFTER
        and s.name == "Rest"
        and s.exercise is not None
        and s.exercise.name == "Clamshells"
    )
    assert player.spoken_line(StepStarted(rest, 0.0)) == "Rest. Next up: Lateral Band Walks."


def test_voice_cuts_the_last_line_short(tmp_path: Path) -> None:
    heard = tmp_path / "heard"
    voice = Voice(["sh", "-c", f"cat >> {heard}; echo >> {heard}; sleep 30"])
    voice.say("Clamshells. Set 1 of 3.")
    first = voice._current
    voice.say("Switch sides.")
    assert first is not None and first.poll() is not None, "the first line was cut off"
    second = voice._current
    assert second is not None and second.poll() is None, "the new line is being spoken"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (heard.exists() and "Switch" in heard.read_text()):
        time.sleep(0.02)
    assert heard.read_text().rstrip().endswith("Switch sides.")
    voice.close()
    assert second.poll() is not None, "nothing outlives the app"


def test_voice_unavailable_is_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("legtimer.audio.voice.shutil.which", lambda name: None)
    player = open_audio(None, mute=True, voice=True)
    assert player.notice is not None and "Voice unavailable" in player.notice
    assert player.muted


@pytest.mark.parametrize("command", ["doctor", "sound-check"])
def test_doctor_checks_sound_keep_awake_and_folders(tmp_path: Path, command: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text("pcm.!default {\n  type null\n}\n")
    result = subprocess.run(
        [sys.executable, "-m", "legtimer.cli", command],
        capture_output=True,
        text=True,
        timeout=60,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LEGTIMER_HOME": str(tmp_path / "lt")},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert "ok  sound: playing through simpleaudio" in result.stdout
    for name in ("work", "rest", "tick", "halfway", "switch", "rep", "finish"):
        assert f"  {name} " in result.stdout
    assert "FIX keep-awake: no desktop session bus" in result.stdout, "no bus in this env"
    assert f"ok  data folder: {tmp_path / 'lt'}" in result.stdout
    assert f"ok  state folder: {tmp_path / 'lt' / 'state'}" in result.stdout
    assert "ALSA lib" not in result.stdout + result.stderr


def test_a_backend_failing_mid_workout_falls_back_and_says_so(runners_plan: Plan) -> None:
    class Unplugged(RecordingBackend):
        name = "simpleaudio"

        def play(self, cue: str) -> None:
            raise RuntimeError("Error opening PCM device")

    clock = FakeClock()
    bell = RecordingBackend(clock)
    broken = Unplugged(clock)
    player = CuePlayer(broken, runners_plan, clock=clock, fallback=bell)
    session = Session(runners_plan, clock)
    player.handle(session.start())
    assert bell.cues == ["rest"], "the cue still sounded, on the fallback"
    assert broken.closed
    assert player.notice is not None and "stopped working" in player.notice
    clock.advance(15.0)
    player.handle(session.tick())
    assert bell.cues[-1] == "work"
