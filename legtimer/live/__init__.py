"""Runs one session on the real clock: commands in, events out.

The driver feeds the screen, the sounds, the training log and the checkpoint; nothing here
imports Textual, so a phone or a clicker can drive the same session later.
"""
