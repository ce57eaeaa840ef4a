"""Runs one session on the real clock: commands in, events out to the screen, sounds, log and checkpoint.

Nothing here imports Textual: the screen is one listener among several.
"""
