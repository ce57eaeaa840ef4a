"""The app's screens: picker, workout, summary, and small dialogs."""
