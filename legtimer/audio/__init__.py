"""Cue sounds: backends behind one small interface, chosen at start with fallbacks.

Nothing in legtimer.core imports this package; the screen hands it session events.
"""
