"""The pure core: routine model, loader, plan compiler and session engine.

Nothing in this package imports textual, rich or simpleaudio, so it can be tested, benchmarked
and used by the CLI without a terminal or a sound card.
"""
