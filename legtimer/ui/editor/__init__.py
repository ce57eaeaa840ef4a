"""`legtimer edit`: a form over a routine, validated as you type, saved without loss."""
