"""Widgets of the workout screen."""
