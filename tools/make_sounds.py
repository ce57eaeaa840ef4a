"""Generate legtimer's cue sounds, reproducibly, with the standard library only.

Each sound is 16-bit mono 44.1 kHz PCM with a 5 ms fade in and out (no clicks), and each has
its own dominant frequency so a person (and a test) can tell them apart:

    work     bright 1320 Hz, 250 ms             the work step starts
    rest     low 440 Hz, 400 ms                 a rest (or get ready) starts
    tick     1000 Hz, 70 ms                     each of the last seconds of a step
    halfway  1760 Hz pip, pip                   half of a timed step has gone
    switch   660 Hz then 990 Hz                 switch sides
    rep      2500 Hz, 20 ms, quiet              the beat of a paced rep set
    finish   523, 659, 784 Hz rising            the workout is done

Run: python tools/make_sounds.py [FOLDER]   (default: sounds/)
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44100
FADE = 0.005

Tone = tuple[float, float, float]
"""(frequency in Hz or 0 for silence, seconds, amplitude 0..1)."""

SOUNDS: dict[str, list[Tone]] = {
    "work": [(1320.0, 0.25, 0.8)],
    "rest": [(440.0, 0.40, 0.8)],
    "tick": [(1000.0, 0.07, 0.7)],
    "halfway": [(1760.0, 0.07, 0.7), (0.0, 0.06, 0.0), (1760.0, 0.07, 0.7)],
    "switch": [(660.0, 0.12, 0.8), (990.0, 0.12, 0.8)],
    "rep": [(2500.0, 0.02, 0.35)],
    "finish": [(523.25, 0.15, 0.8), (659.25, 0.15, 0.8), (783.99, 0.30, 0.8)],
}


def samples(tones: list[Tone]) -> list[int]:
    """The 16-bit samples of a sequence of tones, each faded in and out."""
    out: list[int] = []
    for frequency, seconds, amplitude in tones:
        count = round(seconds * RATE)
        fade = max(1, round(FADE * RATE))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            value = amplitude * envelope * math.sin(2 * math.pi * frequency * i / RATE)
            out.append(round(value * 32767))
    return out


def write(folder: Path, name: str, tones: list[Tone]) -> Path:
    """Write one WAV file; the same input always gives the same bytes."""
    path = folder / f"{name}.wav"
    data = samples(tones)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(data)}h", *data))
    return path


def main() -> None:
    """Write every sound into the folder given (default: sounds/ beside this script's repo)."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, tones in SOUNDS.items():
        print(write(folder, name, tones))


if __name__ == "__main__":
    main()
