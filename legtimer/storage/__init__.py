"""Where things live and how they are written: routine files, the training log, checkpoints."""
