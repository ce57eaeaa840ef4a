"""legtimer: a terminal interval timer for home strength workouts."""

__version__ = "0.2.0"
